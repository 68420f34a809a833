import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEARD, SILENT } from '@ringside/anchor/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { answerAnchoredCall, useJanusStack, writeSilence } from '../testing/anchored-calls';
import { command, nextEvent, waitUntil } from '../testing/test-stack';
import { writeHoldMusic } from './hold-music';

// a transfer of an anchored call, agent to agent (issue #15 item 1): the customer's leg never
// moves; they hear hold music while the call changes hands

const CALL_TIMEOUT_MS = 90_000;
const MEDIA_WAIT_MS = 20_000;
const RING_MS = 3_000;

const folder = mkdtempSync(join(tmpdir(), 'ringside-transfer-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const realMusic = writeHoldMusic(folder);
/** with it, anything the customer hears is a voice */
const silentMusic = writeSilence(folder);
let music: 'real' | 'silent' = 'real';

const { stack, pool, peer } = useJanusStack('janus-transfer', {
  transferRingMs: RING_MS,
  anchorHoldMusic: async () => (music === 'real' ? realMusic : silentMusic),
});

/** a call Asha answered, Ben available to take it */
async function callWithColleague() {
  const ws = await stack().workspace();
  const ashaLeg = peer(660);
  const answered = await answerAnchoredCall(stack(), ws, ashaLeg);
  const ben = await ws.agent('Ben');
  return { ws, ashaLeg, ben, ...answered };
}

/**
 * The new agent's console joins the call as it does after a reload: a fresh leg from the engine
 * (`call:rejoin`), answered by a stand-in that plays `frequencyHz` once told to
 */
async function joinWithFreshLeg(
  socket: Parameters<typeof command>[0],
  callId: string,
  frequencyHz: number,
) {
  const rejoin = await command(socket, 'call:rejoin', { callId });
  if (!rejoin.ok) throw new Error(rejoin.error.message);
  const leg = peer(frequencyHz);
  const answered = await command(socket, 'call:rejoin-answer', {
    callId,
    sdp: await leg.answer(rejoin.sdp),
  });
  if (!answered.ok) throw new Error(answered.error.message);
  await leg.connected();
  return leg;
}

/** the customer and the agent on `leg` hear each other */
async function talking(
  call: { stats(): { audioLevel: number } },
  leg: { level(): number; play(): void },
  who: string,
) {
  leg.play();
  await waitUntil(
    `the customer hears ${who}`,
    () => call.stats().audioLevel > HEARD,
    MEDIA_WAIT_MS,
  );
  await waitUntil(`${who} hears the customer`, () => leg.level() > HEARD, MEDIA_WAIT_MS);
}

describe('transferring an anchored call', () => {
  it(
    'cold: the customer hears music and not the agent, the colleague accepts, joins and talks with the customer; the call is theirs',
    async () => {
      music = 'real';
      const { ws, agent: asha, ashaLeg, ben, call, callId } = await callWithColleague();
      ashaLeg.play();
      await waitUntil(
        'the customer hears Asha',
        () => call.stats().audioLevel > HEARD,
        MEDIA_WAIT_MS,
      );

      const targets = await command(asha.socket, 'call:transfer-targets', { callId });
      expect(targets).toMatchObject({ ok: true, agents: [{ userId: ben.id, name: 'Ben' }] });
      // every line of the workspace is a queue, with how many can take the call there now
      expect(targets.ok && targets.queues).toHaveLength(2);
      expect(targets.ok && targets.queues).toContainEqual({
        channelId: ws.whatsappChannelId,
        name: expect.any(String),
        available: 1,
      });
      // Ben has no call to hand over
      expect(await command(ben.socket, 'call:transfer-targets', { callId })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });

      // Asha falls quiet first, so what the customer hears next can only be the music
      ashaLeg.silence();
      await waitUntil(
        'the customer hears Asha fall quiet',
        () => call.stats().audioLevel < SILENT,
        MEDIA_WAIT_MS,
      );
      const offered = nextEvent(ben.socket, 'call:transfer-offered');
      const ringing = nextEvent(asha.socket, 'call:transfer-progress');
      expect(
        await command(asha.socket, 'call:transfer', { callId, toUserId: ben.id, mode: 'cold' }),
      ).toEqual({ ok: true });
      expect(await ringing).toEqual({
        callId,
        to: { userId: ben.id, name: 'Ben' },
        state: 'ringing',
      });
      const offer = await offered;
      expect(offer).toMatchObject({
        callId,
        mode: 'cold',
        from: { userId: asha.id, name: 'Asha' },
        call: { id: callId, state: 'active' },
      });
      // a console that reconnects meanwhile is shown the offer again, and the agent where theirs
      // stands
      let reoffered: Promise<unknown> = Promise.resolve();
      let standing: Promise<unknown> = Promise.resolve();
      const benAgain = await stack().connect(ben.email, {
        beforeConnect: (socket) => {
          reoffered = nextEvent(socket, 'call:transfer-offered');
        },
      });
      const ashaAgain = await stack().connect(asha.email, {
        beforeConnect: (socket) => {
          standing = nextEvent(socket, 'call:transfer-progress');
        },
      });
      expect(await reoffered).toMatchObject({ callId, from: { name: 'Asha' } });
      expect(await standing).toMatchObject({ callId, state: 'ringing', to: { name: 'Ben' } });
      benAgain.disconnect();
      ashaAgain.disconnect();
      // one transfer at a time
      expect(
        await command(asha.socket, 'call:transfer', { callId, toUserId: ben.id, mode: 'cold' }),
      ).toMatchObject({ ok: false, error: { code: 'invalid_state' } });

      // on hold: the customer hears the music, and Asha no longer hears the customer
      await waitUntil(
        'the customer hears the music',
        () => call.stats().audioLevel > HEARD,
        MEDIA_WAIT_MS,
      );
      await waitUntil(
        'Asha no longer hears the customer',
        () => ashaLeg.level() < SILENT,
        MEDIA_WAIT_MS,
      );

      const done = nextEvent(asha.socket, 'call:transfer-progress');
      const handed = nextEvent(ben.socket, 'call:updated');
      expect(await command(ben.socket, 'call:transfer-accept', { callId })).toEqual({ ok: true });
      expect(await done).toMatchObject({ callId, state: 'completed' });
      expect(await handed).toMatchObject({
        id: callId,
        state: 'active',
        agent: { userId: ben.id, name: 'Ben' },
      });
      // Asha's leg is gone from both rooms; the customer's never moved
      expect(pool().roomOf(call.id)?.room.legIds).toEqual(['customer']);

      // Ben's console joins as it would after a reload: a fresh leg, heard at once
      const benLeg = await joinWithFreshLeg(ben.socket, callId, 880);
      // the music stopped: Ben silent, the customer hears nothing
      await waitUntil('the music stops', () => call.stats().audioLevel < SILENT, MEDIA_WAIT_MS);
      await talking(call, benLeg, 'Ben');

      // Asha is off the call (after-call work or free), Ben is busy; only Ben can hang up now
      const presence = stack().app.repos.presence;
      expect((await presence.getPresence(ws.id, ben.id))?.status).toBe('busy');
      expect((await presence.getPresence(ws.id, asha.id))?.status).not.toBe('busy');
      expect(await command(asha.socket, 'call:hangup', { callId })).toMatchObject({ ok: false });
      expect(call.state).toBe('accepted');
      const ended = nextEvent(ben.socket, 'call:ended');
      expect(await command(ben.socket, 'call:hangup', { callId })).toEqual({ ok: true });
      await ended;
      await call.waitFor('ended');

      // each agent's after-call work is kept: Ben's on the call, Asha's on her hand-over
      const wrapUp = async (email: string, notes: string) =>
        (
          await stack().request(await stack().signIn(email), `/api/calls/${callId}/wrap-up`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ notes }),
          })
        ).status;
      expect(await wrapUp(asha.email, 'Wants a refund: handed to Ben')).toBe(204);
      expect(await wrapUp(ben.email, 'Refund issued')).toBe(204);
      const supervisor = await ws.addUser('supervisor');
      const detail = (await (
        await stack().request(await stack().signIn(supervisor.email), `/api/calls/${callId}`)
      ).json()) as {
        agent?: { userId: string };
        notes?: string;
        events: { type: string; actor?: { name: string }; detail?: Record<string, unknown> }[];
      };
      expect(detail).toMatchObject({ agent: { userId: ben.id }, notes: 'Refund issued' });
      expect(detail.events.find((e) => e.type === 'agent.transfer')).toMatchObject({
        actor: { name: 'Asha' },
        detail: { toAgentId: ben.id, notes: 'Wants a refund: handed to Ben' },
      });
    },
    CALL_TIMEOUT_MS,
  );

  it(
    'warm: the two agents talk while the customer hears neither; completing hands the call over',
    async () => {
      music = 'silent';
      const { agent: asha, ashaLeg, ben, call, callId } = await callWithColleague();
      ashaLeg.play();
      await waitUntil(
        'the customer hears Asha',
        () => call.stats().audioLevel > HEARD,
        MEDIA_WAIT_MS,
      );

      const offered = nextEvent(ben.socket, 'call:transfer-offered');
      expect(
        await command(asha.socket, 'call:transfer', { callId, toUserId: ben.id, mode: 'warm' }),
      ).toEqual({ ok: true });
      expect(await offered).toMatchObject({ mode: 'warm' });
      // nothing to complete before Ben joins
      expect(await command(asha.socket, 'call:transfer-complete', { callId })).toMatchObject({
        ok: false,
        error: { code: 'invalid_state' },
      });
      await waitUntil(
        'the customer no longer hears Asha',
        () => call.stats().audioLevel < SILENT,
        MEDIA_WAIT_MS,
      );

      const accepted = await command(ben.socket, 'call:transfer-accept', { callId });
      if (!accepted.ok || !accepted.sdp) throw new Error('no consult leg offered');
      const consult = peer(880);
      const consulting = nextEvent(asha.socket, 'call:transfer-progress');
      // a garbage answer is refused in words and loses nothing
      expect(
        await command(ben.socket, 'call:transfer-answer', { callId, sdp: 'v=0' }),
      ).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      expect(
        await command(ben.socket, 'call:transfer-answer', {
          callId,
          sdp: await consult.answer(accepted.sdp),
        }),
      ).toEqual({ ok: true });
      expect(await consulting).toMatchObject({ state: 'consulting' });
      await consult.connected();
      consult.play();
      await waitUntil('Asha hears Ben', () => ashaLeg.level() > HEARD, MEDIA_WAIT_MS);
      await waitUntil('Ben hears Asha', () => consult.level() > HEARD, MEDIA_WAIT_MS);
      // both talking, the customer hears neither (the hold music here is silence)
      const heardDuring = [] as number[];
      for (let i = 0; i < 10; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        heardDuring.push(call.stats().audioLevel);
      }
      expect(Math.max(...heardDuring)).toBeLessThan(SILENT);

      const done = nextEvent(asha.socket, 'call:transfer-progress');
      const handed = nextEvent(ben.socket, 'call:updated');
      expect(await command(asha.socket, 'call:transfer-complete', { callId })).toEqual({
        ok: true,
      });
      expect(await done).toMatchObject({ state: 'completed' });
      expect(await handed).toMatchObject({ agent: { userId: ben.id } });
      await talking(call, await joinWithFreshLeg(ben.socket, callId, 990), 'Ben');
      expect(pool().roomOf(call.id)?.room.legIds.sort()).toEqual(['agent', 'customer']);
      await call.hangUp();
    },
    CALL_TIMEOUT_MS,
  );

  it(
    'comes back to the agent when the colleague declines, does not answer, or the agent cancels',
    async () => {
      music = 'real';
      const { agent: asha, ashaLeg, ben, call, callId } = await callWithColleague();
      ashaLeg.play();
      await waitUntil(
        'the customer hears Asha',
        () => call.stats().audioLevel > HEARD,
        MEDIA_WAIT_MS,
      );
      const transfer = () =>
        command(asha.socket, 'call:transfer', { callId, toUserId: ben.id, mode: 'cold' });

      // declined
      const declined = nextEvent(asha.socket, 'call:transfer-progress');
      expect(await transfer()).toEqual({ ok: true });
      await declined; // ringing
      const back = nextEvent(asha.socket, 'call:transfer-progress');
      const withdrawn = nextEvent(ben.socket, 'call:transfer-withdrawn');
      expect(await command(ben.socket, 'call:transfer-decline', { callId })).toEqual({ ok: true });
      expect(await back).toMatchObject({ state: 'declined', to: { name: 'Ben' } });
      expect(await withdrawn).toEqual({ callId });
      ashaLeg.play();
      await waitUntil(
        'Asha hears the customer again',
        () => ashaLeg.level() > HEARD,
        MEDIA_WAIT_MS,
      );
      // and a second decline finds nothing to decline
      expect(await command(ben.socket, 'call:transfer-decline', { callId })).toMatchObject({
        ok: false,
        error: { code: 'invalid_state' },
      });

      // nobody answers within the ring
      const ring = nextEvent(asha.socket, 'call:transfer-progress');
      expect(await transfer()).toEqual({ ok: true });
      await ring;
      const unanswered = nextEvent(asha.socket, 'call:transfer-progress');
      expect(await unanswered).toMatchObject({ state: 'no-answer' });
      expect(await command(ben.socket, 'call:transfer-accept', { callId })).toMatchObject({
        ok: false,
        error: { code: 'invalid_state' },
      });

      // the agent takes it back
      const again = nextEvent(asha.socket, 'call:transfer-progress');
      expect(await transfer()).toEqual({ ok: true });
      await again;
      const cancelled = nextEvent(asha.socket, 'call:transfer-progress');
      const gone = nextEvent(ben.socket, 'call:transfer-withdrawn');
      expect(await command(asha.socket, 'call:transfer-cancel', { callId })).toEqual({ ok: true });
      expect(await cancelled).toMatchObject({ state: 'cancelled' });
      await gone;
      await waitUntil(
        'the customer hears Asha again',
        () => call.stats().audioLevel > HEARD,
        MEDIA_WAIT_MS,
      );
      await waitUntil(
        'Asha hears the customer again',
        () => ashaLeg.level() > HEARD,
        MEDIA_WAIT_MS,
      );
      expect(pool().roomOf(call.id)?.room.legIds.sort()).toEqual(['agent', 'customer']);

      // the customer hangs up while it rings: the offer goes away with the call
      const last = nextEvent(asha.socket, 'call:transfer-progress');
      expect(await transfer()).toEqual({ ok: true });
      await last;
      const withdrawnAtEnd = nextEvent(ben.socket, 'call:transfer-withdrawn');
      await call.hangUp();
      expect(await withdrawnAtEnd).toEqual({ callId });
    },
    CALL_TIMEOUT_MS,
  );

  it(
    'the agent handing over reloads meanwhile: they come back on hold, and the transfer goes on',
    async () => {
      music = 'real';
      const { agent: asha, ashaLeg, ben, call, callId } = await callWithColleague();
      ashaLeg.silence();
      const ringing = nextEvent(asha.socket, 'call:transfer-progress');
      expect(
        await command(asha.socket, 'call:transfer', { callId, toUserId: ben.id, mode: 'cold' }),
      ).toEqual({ ok: true });
      await ringing;
      // the tab reloads: the old leg goes, the console rejoins
      await ashaLeg.close();
      const again = await joinWithFreshLeg(asha.socket, callId, 660);
      again.play();
      // still on hold: the customer hears the music and not Asha, Asha does not hear the customer
      await waitUntil(
        'the customer hears the music',
        () => call.stats().audioLevel > HEARD,
        MEDIA_WAIT_MS,
      );
      const side = await pool().sideRoomOf(call.id);
      expect(side.legIds).toContain('agent');
      expect(pool().roomOf(call.id)?.room.legIds).toEqual(['customer']);
      expect(again.level()).toBeLessThan(SILENT);
      // and taking it back brings them together
      expect(await command(asha.socket, 'call:transfer-cancel', { callId })).toEqual({ ok: true });
      await waitUntil('Asha hears the customer', () => again.level() > HEARD, MEDIA_WAIT_MS);
      expect(pool().roomOf(call.id)?.room.legIds.sort()).toEqual(['agent', 'customer']);
      await call.hangUp();
    },
    CALL_TIMEOUT_MS,
  );

  it(
    'to a queue: every available agent of the line is offered it, the first to accept takes it and the others stop ringing',
    async () => {
      music = 'real';
      const { ws, agent: asha, ashaLeg, ben, call, callId } = await callWithColleague();
      const cara = await ws.agent('Cara');
      const dev = await ws.agent('Dev');
      await waitUntil('Asha hears the customer', () => ashaLeg.level() > HEARD, MEDIA_WAIT_MS);
      const toQueue = () =>
        command(asha.socket, 'call:transfer', {
          callId,
          toChannelId: ws.whatsappChannelId,
          mode: 'cold',
        });

      // all three decline: it comes back to Asha once the last one does
      const offers = [ben, cara, dev].map((agent) =>
        nextEvent(agent.socket, 'call:transfer-offered'),
      );
      const ringing = nextEvent(asha.socket, 'call:transfer-progress');
      expect(await toQueue()).toEqual({ ok: true });
      for (const offer of await Promise.all(offers)) {
        expect(offer).toMatchObject({ callId, queue: { channelId: ws.whatsappChannelId } });
      }
      const rang = await ringing;
      expect(rang).toMatchObject({ state: 'ringing', queue: { channelId: ws.whatsappChannelId } });
      expect(rang.to).toBeUndefined();
      expect(await command(ben.socket, 'call:transfer-decline', { callId })).toEqual({ ok: true });
      expect(await command(cara.socket, 'call:transfer-decline', { callId })).toEqual({ ok: true });
      const back = nextEvent(asha.socket, 'call:transfer-progress');
      expect(await command(dev.socket, 'call:transfer-decline', { callId })).toEqual({ ok: true });
      expect(await back).toMatchObject({ state: 'declined' });
      await waitUntil(
        'Asha hears the customer again',
        () => ashaLeg.level() > HEARD,
        MEDIA_WAIT_MS,
      );

      // again: Cara takes it first; Ben and Dev stop ringing and cannot take it any more
      const withdrawn = [ben, dev].map((agent) =>
        nextEvent(agent.socket, 'call:transfer-withdrawn'),
      );
      const queued = nextEvent(asha.socket, 'call:transfer-progress');
      expect(await toQueue()).toEqual({ ok: true });
      await queued;
      const done = nextEvent(asha.socket, 'call:transfer-progress');
      const handed = nextEvent(cara.socket, 'call:updated');
      expect(await command(cara.socket, 'call:transfer-accept', { callId })).toEqual({ ok: true });
      await Promise.all(withdrawn);
      expect(await command(ben.socket, 'call:transfer-accept', { callId })).toMatchObject({
        ok: false,
        error: { code: 'invalid_state' },
      });
      expect(await done).toMatchObject({
        state: 'completed',
        to: { userId: cara.id, name: 'Cara' },
      });
      expect(await handed).toMatchObject({ agent: { userId: cara.id } });
      await talking(call, await joinWithFreshLeg(cara.socket, callId, 880), 'Cara');

      // a queue with nobody free is refused in words, and the call stays as it is
      for (const agent of [asha, ben, dev]) {
        await command(agent.socket, 'agent:set-status', { status: 'away' });
      }
      expect(
        await command(cara.socket, 'call:transfer', {
          callId,
          toChannelId: ws.whatsappChannelId,
          mode: 'warm',
        }),
      ).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_state',
          message: expect.stringMatching(/^Nobody in the .+ queue is available/),
        },
      });
      expect(
        await command(cara.socket, 'call:transfer', {
          callId,
          toChannelId: 'no-such-line',
          mode: 'cold',
        }),
      ).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(
        await command(cara.socket, 'call:transfer', {
          callId,
          toUserId: ben.id,
          toChannelId: ws.whatsappChannelId,
          mode: 'cold',
        }),
      ).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      await call.hangUp();
    },
    CALL_TIMEOUT_MS,
  );

  it('refuses in words: a direct call, an unavailable colleague, someone else’s call', async () => {
    const ws = await stack().workspace();
    const asha = await ws.agent('Asha');
    const ringing = nextEvent(asha.socket, 'call:ringing');
    const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    const ring = await ringing;
    const ben = await ws.agent('Ben');
    // still ringing: not a call in progress
    expect(
      await command(asha.socket, 'call:transfer', {
        callId: ring.callId,
        toUserId: ben.id,
        mode: 'cold',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    await call.hangUp();

    const { agent, callId } = await answerAnchoredCall(stack(), ws, peer(660));
    const carol = await ws.agent('Carol');
    await command(carol.socket, 'agent:set-status', { status: 'away' });
    const refused = await command(agent.socket, 'call:transfer', {
      callId,
      toUserId: carol.id,
      mode: 'cold',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_state', message: 'Carol is not available to take a call.' },
    });
    expect(
      await command(ben.socket, 'call:transfer', { callId, toUserId: carol.id, mode: 'cold' }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await command(agent.socket, 'call:transfer', { callId, toUserId: 'nobody', mode: 'cold' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
