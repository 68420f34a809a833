import { HEARD, SILENT } from '@ringside/anchor/testing';
import { describe, expect, it } from 'vitest';
import { answerAnchoredCall, useJanusStack } from '../testing/anchored-calls';
import { command, nextEvent, ORIGIN, waitUntil } from '../testing/test-stack';

// an anchored call outlives the agent's tab: the customer's leg stays on the engine while the
// agent's console reloads and asks for a fresh leg of its own (issue #15 item 5)

const CALL_TIMEOUT_MS = 60_000;
// how long a call waits for its agent's closed tab here (15 s in production)
const GRACE_MS = 4_000;
const MEDIA_WAIT_MS = 20_000;

const { stack, pool, peer } = useJanusStack('janus-rejoin', { anchorRejoinGraceMs: GRACE_MS });

/** what a closing tab sends as it goes (`fetch` keepalive, the session's cookie) */
async function tabClosed(email: string, callId: string): Promise<number> {
  const cookie = await stack().signIn(email);
  const res = await fetch(`${stack().url}/api/calls/${callId}/tab-closed`, {
    method: 'POST',
    headers: { cookie, origin: ORIGIN },
    keepalive: true,
  });
  return res.status;
}

describe('an agent rejoining an anchored call after a reload', () => {
  it(
    'gets a fresh leg from the engine: the customer hears them again and they hear the customer, the call never ended',
    async () => {
      const ws = await stack().workspace();
      const before = peer(660);
      const { agent, call, callId } = await answerAnchoredCall(stack(), ws, before);
      before.play();
      await waitUntil(
        'the customer hears the agent',
        () => call.stats().audioLevel > HEARD,
        MEDIA_WAIT_MS,
      );

      // the tab reloads: its connection and its socket are gone, the call is not
      await before.close();
      agent.socket.disconnect();
      await waitUntil(
        'the customer hears the gap',
        () => call.stats().audioLevel < SILENT,
        MEDIA_WAIT_MS,
      );
      // and keeps receiving packets meanwhile (the engine's mix, silent): a WhatsApp client
      // drops a call after 30 s without any (spec §2.6)
      const during = call.stats().packetsReceived;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(call.stats().packetsReceived - during).toBeGreaterThan(25);
      // the closing tab's last request (here once the gap was measured): the grace starts
      const closedAt = Date.now();
      expect(await tabClosed(agent.email, callId)).toBe(204);
      const console = await stack().connect(agent.email);
      const rejoin = await command(console, 'call:rejoin', { callId });
      if (!rejoin.ok) throw new Error(rejoin.error.message);
      const after = peer(880);
      const answer = await after.answer(rejoin.sdp);
      // garbage is refused in words, and loses nothing: the real answer still goes through
      expect(await command(console, 'call:rejoin-answer', { callId, sdp: 'v=0' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_payload' },
      });
      expect(await command(console, 'call:rejoin-answer', { callId, sdp: answer })).toEqual({
        ok: true,
      });
      await after.connected();
      after.play();
      await waitUntil(
        'the customer hears the agent again',
        () => call.stats().audioLevel > HEARD,
        MEDIA_WAIT_MS,
      );
      await waitUntil(
        'the agent hears the customer again',
        () => after.level() > HEARD,
        MEDIA_WAIT_MS,
      );
      // one agent leg in the room, and the call goes on past the closed tab's grace
      expect(
        pool()
          .roomOf(call.id)
          ?.room.legIds.filter((id) => id === 'agent'),
      ).toHaveLength(1);
      const pastGrace = closedAt + GRACE_MS + 1_000 - Date.now();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, pastGrace)));
      expect(call.state).toBe('accepted');

      const ended = nextEvent(console, 'call:ended');
      await call.hangUp();
      await ended;
    },
    CALL_TIMEOUT_MS,
  );

  it(
    'ends the call when the closed tab does not come back within the grace, terminating it at Meta',
    async () => {
      const ws = await stack().workspace();
      const { agent, call, callId } = await answerAnchoredCall(stack(), ws, peer(660));
      agent.socket.disconnect();
      const closedAt = Date.now();
      expect(await tabClosed(agent.email, callId)).toBe(204);
      // the customer is still there for the grace, then the call ends
      expect(call.state).toBe('accepted');
      await call.waitFor('ended', { timeoutMs: GRACE_MS + 10_000 });
      expect(Date.now() - closedAt).toBeGreaterThanOrEqual(GRACE_MS - 100);
      await stack().graphRequests(call.id, 3);
      const actions = stack()
        .sim.requests({ callId: call.id })
        .map((r) => (r.body as { action?: string }).action);
      expect(actions).toContain('terminate');
      await waitUntil('the room is gone', () => pool().roomOf(call.id) === undefined);
    },
    CALL_TIMEOUT_MS,
  );

  it(
    'is refused in words to another agent, for a call not in progress, and for a direct call',
    async () => {
      const ws = await stack().workspace();
      const { callId, agent } = await answerAnchoredCall(stack(), ws, peer(660));
      const colleague = await ws.agent('Ravi');
      expect(await command(colleague.socket, 'call:rejoin', { callId })).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: 'This call is not yours.' },
      });
      expect(await command(agent.socket, 'call:rejoin', { callId: 'no-such-call' })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });

      // a direct line's call: its audio ended with the tab, nothing can pick it up
      const direct = await stack().workspace();
      const bo = await direct.agent('Bo');
      const ringing = nextEvent(bo.socket, 'call:ringing');
      const call = await stack().sim.placeCall({ channel: 'whatsapp', to: direct.phoneNumberId });
      const ring = await ringing;
      expect(await command(bo.socket, 'call:rejoin', { callId: ring.callId })).toMatchObject({
        ok: false,
        error: { code: 'invalid_state', message: 'Only a call in progress can be rejoined.' },
      });
      const claimed = await command(bo.socket, 'call:accept', { callId: ring.callId });
      if (!claimed.ok) throw new Error(claimed.error.message);
      const browser = peer(440);
      const answered = await command(bo.socket, 'call:answer', {
        callId: ring.callId,
        sdp: await browser.answer(ring.sdpOffer ?? ''),
      });
      if (!answered.ok) throw new Error(answered.error.message);
      await call.waitFor('accepted');
      expect(await command(bo.socket, 'call:rejoin', { callId: ring.callId })).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_state',
          message: expect.stringMatching(/ran in the browser tab that closed/),
        },
      });
    },
    CALL_TIMEOUT_MS,
  );
});
