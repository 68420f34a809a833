import { validateLocalAnswer, validateLocalOffer } from '@ringside/sdp';
import { describe, expect, it } from 'vitest';
import { answeredCall } from './support/calls';
import { useE2e } from './support/e2e-suite';
import { eventually } from './support/poll';
import { readLocalTracks } from './support/rtc-probe';
import type { AgentConsole } from './support/agent-console';
import type { E2eStack } from './support/stack';
import type { CallHandle } from '@ringside/meta-sim';

const world = useE2e();

/** the SDP of each of our Graph calls for this call, once Meta has answered them */
async function sentSessions(stack: E2eStack, call: CallHandle, actions: string[]) {
  const sent = await eventually(
    () => stack.sim.requests({ callId: call.id, ok: true }),
    (found) => actions.every((action) => found.some((r) => r.action === action)),
  );
  return sent
    .filter((r) => r.action !== null && actions.includes(r.action))
    .map((r) => ({ action: r.action, sdp: sdpOf(r.body) }));
}

function sdpOf(body: unknown): string {
  const session = (body as { session?: { sdp?: unknown } } | undefined)?.session;
  return typeof session?.sdp === 'string' ? session.sdp : '';
}

async function endCall(agent: AgentConsole, call: CallHandle): Promise<void> {
  await agent.button('Hang up').click();
  await call.waitFor('ended');
  await agent.button('Save').click();
  await agent.button('Save').waitFor({ state: 'hidden' });
}

describe('the SDP the console sends always carries its microphone track', () => {
  it('WhatsApp: every pre_accept and accept answer sends the microphone, call after call', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    for (const name of ['Tara One', 'Tara Two', 'Tara Three']) {
      const call = await answeredCall(stack, alex, 'whatsapp', name);
      const [mic] = await readLocalTracks(alex.page);
      expect(mic?.streamIds).toHaveLength(1);
      const sessions = await sentSessions(stack, call, ['pre_accept', 'accept']);
      for (const { action, sdp } of sessions) {
        // chromium names the sender, not the track, in an answer's msid: the stream is the check
        const check = validateLocalAnswer(sdp, { expectTrack: { msid: mic?.streamIds[0] ?? '' } });
        expect({ action, check: check.ok ? 'ok' : check.error }).toEqual({ action, check: 'ok' });
        if (check.ok) expect(check.summary.direction).toBe('sendrecv');
      }
      // meta requires the accept to repeat the pre_accept answer exactly
      const [first, ...rest] = sessions;
      for (const later of rest) expect(later.sdp).toBe(first?.sdp);
      await endCall(alex, call);
    }
  });

  it('Messenger: the offer sent with accept carries the microphone track', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    const call = await answeredCall(stack, alex, 'messenger', 'Mo Messenger');
    const [mic] = await readLocalTracks(alex.page);
    const [accept] = await sentSessions(stack, call, ['accept']);
    const check = validateLocalOffer(accept?.sdp ?? '', {
      expectTrack: { msid: mic?.streamIds[0] ?? '', trackId: mic?.trackId ?? '' },
    });
    expect(check.ok ? 'ok' : check.error).toBe('ok');
    await endCall(alex, call);
  });
});
