import { describe, expect, it } from 'vitest';
import { businessAnswerFor } from '../testing/business-sdp';
import {
  command,
  nextEvent,
  recordEvents,
  settle,
  useStack,
  waitUntil,
} from '../testing/test-stack';

const stack = useStack();

describe('two workspaces on one server', () => {
  it('a workspace never receives the other’s calls, boards or agents', async () => {
    const acme = await stack().workspace('Acme');
    const globex = await stack().workspace('Globex');
    const acmeAgent = await acme.agent('Acme Agent');
    const acmeBoss = await acme.addUser('supervisor');
    const acmeBoard = await stack().connect(acmeBoss.email);

    // globex's people are all connected and listening the whole time
    const outsiders = await Promise.all([
      globex.agent('Globex Agent'),
      globex.addUser('supervisor').then((u) => stack().connect(u.email)),
      globex.addUser('admin').then((u) => stack().connect(u.email)),
    ]);
    const [globexAgent, globexBoard, globexAdmin] = outsiders;
    const globexSeen = [globexAgent.socket, globexBoard, globexAdmin].map(recordEvents);

    const ringing = nextEvent(acmeAgent.socket, 'call:ringing');
    const call = await stack().sim.placeCall({
      channel: 'whatsapp',
      name: 'Acme Customer',
      to: acme.phoneNumberId,
    });
    const ring = await ringing;
    await command(acmeAgent.socket, 'call:accept', { callId: ring.callId });
    const active = nextEvent(acmeBoard, 'call:updated', (v) => v.state === 'active');
    await command(acmeAgent.socket, 'call:answer', {
      callId: ring.callId,
      sdp: businessAnswerFor(ring.sdpOffer ?? ''),
    });
    await active;
    await command(acmeAgent.socket, 'call:hangup', { callId: ring.callId });
    await stack().graphRequests(call.id, 3);
    await stack().settled();
    await settle(200);

    for (const seen of globexSeen) {
      const mentions = seen.events.filter((e) => JSON.stringify(e.payload).includes(ring.callId));
      expect(mentions).toEqual([]);
      expect(seen.events.filter((e) => e.event.startsWith('call:'))).toEqual([]);
      expect(JSON.stringify(seen.events)).not.toContain('Acme');
      expect(JSON.stringify(seen.events)).not.toContain(acmeAgent.id);
    }
    // globex's own board still works
    await command(globexAgent.socket, 'agent:set-status', { status: 'away' });
    await waitUntil('globex’s board sees its agent', () =>
      globexSeen[1]!.of('agent:updated').some((a) => a.userId === globexAgent.id),
    );
  });

  it('an agent cannot act on another workspace’s call, even knowing its id', async () => {
    const acme = await stack().workspace('Acme');
    const globex = await stack().workspace('Globex');
    const acmeAgent = await acme.agent();
    const intruder = await globex.agent();
    const ringing = nextEvent(acmeAgent.socket, 'call:ringing');
    await stack().sim.placeCall({ channel: 'whatsapp', to: acme.phoneNumberId });
    const { callId } = await ringing;

    const notFound = {
      ok: false,
      error: { code: 'not_found', message: 'That call does not exist.' },
    };
    expect(await command(intruder.socket, 'call:accept', { callId })).toEqual(notFound);
    expect(await command(intruder.socket, 'call:decline', { callId })).toEqual(notFound);
    expect(await command(intruder.socket, 'call:hangup', { callId })).toEqual(notFound);
    expect(await command(acmeAgent.socket, 'call:accept', { callId })).toEqual({ ok: true });
  });
});
