import { EnginePool, JanusProcess } from '@ringside/anchor';
import { HEARD, mediaHost, TonePeer } from '@ringside/anchor/testing';
import type { AdminChannelView } from '@ringside/contracts';
import type { CallHandle } from '@ringside/meta-sim';
import { validateLocalAnswer, validateMetaOffer } from '@ringside/sdp';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { answerAnchoredCall } from '../testing/anchored-calls';
import { command, nextEvent, useStack, waitUntil, type TestWorkspace } from '../testing/test-stack';

// two engines, a call's ICE and DTLS on both legs, and the mixer's first packets take seconds
const CALL_TIMEOUT_MS = 60_000;
const MEDIA_WAIT_MS = 20_000;

// janus carries no media on loopback: the engines, the simulated customer and the agent's
// stand-in all use this machine's own address (see @ringside/anchor's mediaHost)
const host = mediaHost();
let engines: JanusProcess[] = [];
let pool: EnginePool | undefined;
const agents: TonePeer[] = [];

afterAll(async () => {
  await pool?.close();
  for (const engine of engines) await engine.stop();
});

const stack = useStack(async () => {
  engines = [
    await JanusProcess.start({ iceEnforceList: host }),
    await JanusProcess.start({ iceEnforceList: host }),
  ];
  pool = await EnginePool.open(
    engines.map((engine, i) => ({ name: `janus-${i}`, url: engine.url })),
  );
  return { anchor: pool, sim: { callerMedia: { host, source: 'tone' } } };
});

afterEach(async () => {
  for (const agent of agents.splice(0)) await agent.close();
});

/** an anchored WhatsApp channel's call, answered by an agent whose stand-in browser plays a tone */
async function answeredCall(ws: TestWorkspace) {
  const browser = new TonePeer({ host, frequencyHz: 660, shape: 'browser' });
  agents.push(browser);
  const answered = await answerAnchoredCall(stack(), ws, browser, { name: 'Rahul' });
  // the agent answered the engine's offer (a full ICE agent's), not Meta's (ICE-lite)
  expect(answered.offer).not.toContain('a=ice-lite');
  expect(answered.offer).toContain('a=setup:actpass');
  // the console checks a ring's offer with validateMetaOffer before it answers: the engine's passes
  const usable = validateMetaOffer(answered.offer);
  expect(usable.ok ? 'usable' : usable.error.message).toBe('usable');
  browser.play();
  return { ...answered, browser };
}

async function heardBothWays(call: CallHandle, browser: TonePeer) {
  await waitUntil('the agent hears the customer', () => browser.level() > HEARD, MEDIA_WAIT_MS);
  await waitUntil(
    'the customer hears the agent',
    () => call.stats().audioLevel > HEARD,
    MEDIA_WAIT_MS,
  );
}

describe('an anchored WhatsApp call through the server', () => {
  it(
    'rings with the engine’s offer, sends Meta the engine’s answer, carries audio both ways and drops the room on hang-up',
    async () => {
      const ws = await stack().workspace();
      const { agent, call, callId, browser, answer } = await answeredCall(ws);
      await heardBothWays(call, browser);
      expect(browser.packetsReceived).toBeGreaterThan(0);
      expect(call.stats().packetsReceived).toBeGreaterThan(0);

      // pre_accept and accept carried the engine's answer to Meta's offer, not the agent's
      const sessions = stack()
        .sim.requests({ callId: call.id })
        .map((r) => r.body as { action?: string; session?: { sdp: string } })
        .filter((b) => b.action === 'pre_accept' || b.action === 'accept');
      expect(sessions.map((b) => b.action)).toEqual(['pre_accept', 'accept']);
      const toMeta = sessions[0]?.session?.sdp ?? '';
      expect(sessions[1]?.session?.sdp).toBe(toMeta);
      expect(toMeta).not.toBe(answer);
      const checked = validateLocalAnswer(toMeta);
      expect(checked.ok ? 'valid' : checked.error.message).toBe('valid');
      expect(await stack().app.calls.anchor?.engineOf(call.id)).toMatch(/^janus-[01]$/);

      const ended = nextEvent(agent.socket, 'call:ended');
      expect(await command(agent.socket, 'call:hangup', { callId })).toEqual({ ok: true });
      expect((await ended).outcome).toBe('completed');
      await waitUntil('the call’s room is gone', () => pool?.roomOf(call.id) === undefined);
      expect(await stack().app.calls.anchor?.engineOf(call.id)).toBeUndefined();
    },
    CALL_TIMEOUT_MS,
  );

  it(
    'anchors a line from the admin API: its next call rings with the engine’s offer, and back',
    async () => {
      const ws = await stack().workspace();
      const cookie = await stack().signIn((await ws.addUser('admin')).email);
      const patch = (mediaMode: 'anchored' | 'direct') =>
        stack().request(cookie, `/api/admin/channels/${ws.whatsappChannelId}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ mediaMode }),
        });
      const agent = await ws.agent('Asha');

      const res = await patch('anchored');
      expect(res.status).toBe(200);
      expect(((await res.json()) as AdminChannelView).mediaMode).toBe('anchored');
      const ringing = nextEvent(agent.socket, 'call:ringing');
      const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
      // the engine, a full ICE agent, offers the agent's leg; Meta's own offer is ICE-lite
      expect((await ringing).sdpOffer).not.toContain('a=ice-lite');
      expect(pool?.roomOf(call.id)).toBeDefined();
      await call.hangUp();

      expect((await patch('direct')).status).toBe(200);
      const direct = nextEvent(agent.socket, 'call:ringing');
      const next = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
      expect((await direct).sdpOffer).toContain('a=ice-lite');
      expect(pool?.roomOf(next.id)).toBeUndefined();
      await next.hangUp();
    },
    CALL_TIMEOUT_MS,
  );

  it(
    'drops the room when the customer hangs up',
    async () => {
      const ws = await stack().workspace();
      const { agent, call, browser } = await answeredCall(ws);
      await heardBothWays(call, browser);
      expect(pool?.roomOf(call.id)).toBeDefined();

      const ended = nextEvent(agent.socket, 'call:ended');
      await call.hangUp();
      expect((await ended).outcome).toBe('completed');
      await waitUntil('the call’s room is gone', () => pool?.roomOf(call.id) === undefined);
    },
    CALL_TIMEOUT_MS,
  );

  it(
    'after a restart, refuses an answer to the engine the old process held, and Meta hears nothing',
    async () => {
      const ws = await stack().workspace();
      await stack().app.repos.channels.updateChannel(ws.id, ws.whatsappChannelId, {
        mediaMode: 'anchored',
      });
      const agent = await ws.agent('Asha');
      const ringing = nextEvent(agent.socket, 'call:ringing');
      const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
      const ring = await ringing;
      const row = await stack().app.repos.calls.getCallRow(ws.id, ring.callId);
      expect(row?.anchorEngine).toMatch(/^janus-[01]$/);

      await stack().restart();
      const socket = await stack().connect(agent.email);
      expect(await command(socket, 'call:accept', { callId: ring.callId })).toEqual({ ok: true });
      const browser = new TonePeer({ host, frequencyHz: 660, shape: 'browser' });
      agents.push(browser);
      const sdp = await browser.answer(ring.sdpOffer ?? '');
      expect(await command(socket, 'call:answer', { callId: ring.callId, sdp })).toEqual({
        ok: false,
        error: {
          code: 'invalid_state',
          message:
            'This call’s audio was held by a server that has since restarted; it cannot be answered.',
        },
      });
      const actions = stack()
        .sim.requests({ callId: call.id })
        .map((r) => (r.body as { action?: string }).action);
      expect(actions).not.toContain('pre_accept');
      await call.hangUp();
    },
    CALL_TIMEOUT_MS,
  );

  it(
    'ends the call when its engine dies (terminate to Meta, the agent told why), puts the next call on the other engine, and rings direct with none left',
    async () => {
      const ws = await stack().workspace();
      const { agent, call, browser } = await answeredCall(ws);
      await heardBothWays(call, browser);
      const pinned = await stack().app.calls.anchor?.engineOf(call.id);
      const index = pinned === 'janus-0' ? 0 : 1;

      const ended = nextEvent(agent.socket, 'call:ended');
      process.kill(engines[index]?.pid ?? 0, 'SIGKILL');
      const end = await ended;
      expect(end.outcome).toBe('completed');
      expect(end.reason).toMatch(/media server carrying this call stopped/);
      await call.waitFor('ended');
      const actions = (await stack().graphRequests(call.id, 3)).map(
        (r) => (r.body as { action?: string }).action,
      );
      expect(actions).toContain('terminate');
      expect(pool?.live).toEqual([`janus-${1 - index}`]);

      // the next call is anchored on the engine still alive
      const ringing = nextEvent(agent.socket, 'call:ringing');
      const next = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
      expect((await ringing).sdpOffer).not.toContain('a=ice-lite');
      expect(await stack().app.calls.anchor?.engineOf(next.id)).toBe(`janus-${1 - index}`);
      await next.hangUp();

      // with no engine left, a new call still rings, with Meta's own offer (direct)
      process.kill(engines[1 - index]?.pid ?? 0, 'SIGKILL');
      await waitUntil('no engine is live', () => pool?.live.length === 0);
      const direct = nextEvent(agent.socket, 'call:ringing');
      const last = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
      expect((await direct).sdpOffer).toContain('a=ice-lite');
      expect(await stack().app.calls.anchor?.engineOf(last.id)).toBeUndefined();
      await last.hangUp();
    },
    CALL_TIMEOUT_MS,
  );
});
