import { HEARD, SILENT } from '@ringside/anchor/testing';
import type { BoardSnapshotPayload } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { answerAnchoredCall, useJanusStack } from '../testing/anchored-calls';
import { command, nextEvent, waitUntil, type TestWorkspace } from '../testing/test-stack';

const CALL_TIMEOUT_MS = 60_000;
const MEDIA_WAIT_MS = 20_000;

const { stack, pool, peer } = useJanusStack('janus-listen');

/** an anchored call in progress, its agent's stand-in browser connected but not yet speaking */
async function callInProgress(ws: TestWorkspace) {
  const browser = peer(660);
  return { ...(await answerAnchoredCall(stack(), ws, browser)), browser };
}

/** an answer turned receive-only: its direction, and no track announced */
function receiveOnly(answer: string): string {
  return answer.replace('a=sendrecv', 'a=recvonly').replace(/^a=(msid|ssrc):.*\r?\n/gm, '');
}

/** the level the customer hears, read every 100 ms for `ms` */
async function customerLevels(call: { stats(): { audioLevel: number } }, ms: number) {
  const levels: number[] = [];
  for (const end = Date.now() + ms; Date.now() < end;) {
    levels.push(call.stats().audioLevel);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return levels;
}

describe('a supervisor listening in on an anchored call', () => {
  it(
    'hears the customer, is heard by nobody, and leaves with the call going on',
    async () => {
      const ws = await stack().workspace();
      const { agent, call, callId, browser } = await callInProgress(ws);
      const lead = await ws.addUser('supervisor', 'Lena Lead');
      let board: Promise<BoardSnapshotPayload> | undefined;
      const socket = await stack().connect(lead.email, {
        beforeConnect: (s) => (board = nextEvent(s, 'board:snapshot')),
      });
      // the live board marks the call as one that can be listened in on
      const shown = (await board)?.calls.find((c) => c.id === callId);
      expect(shown).toMatchObject({ state: 'active', anchored: true });

      const listening = await command(socket, 'supervisor:listen', { callId });
      if (!listening.ok) throw new Error(listening.error.message);
      expect(listening.sdp).toContain('m=audio');
      const supervisor = peer(440);
      const answer = await supervisor.answer(listening.sdp);
      // an answer that would send is refused: a listener receives only
      expect(
        await command(socket, 'supervisor:listen-answer', { callId, sdp: answer }),
      ).toMatchObject({
        ok: false,
        error: { code: 'invalid_payload', message: expect.stringMatching(/receive only/) },
      });
      // the same peer's answer, receiving only: taken. The peer plays its tone all the same,
      // which the room, where the leg is muted, must keep from everyone
      const listen = await command(socket, 'supervisor:listen', { callId });
      if (!listen.ok) throw new Error(listen.error.message);
      const receiving = receiveOnly(await supervisor.answer(listen.sdp));
      expect(await command(socket, 'supervisor:listen-answer', { callId, sdp: receiving })).toEqual(
        {
          ok: true,
        },
      );
      await supervisor.connected();
      supervisor.play();

      // the supervisor hears the call: the customer's tone, mixed by the engine
      await waitUntil(
        'the supervisor hears the customer',
        () => supervisor.level() > HEARD,
        MEDIA_WAIT_MS,
      );
      // and the customer hears nothing of the supervisor's tone, for as long as it plays
      await waitUntil('the supervisor sends', () => supervisor.packetsSent > 50, MEDIA_WAIT_MS);
      const whileListened = await customerLevels(call, 1_500);
      expect(Math.max(...whileListened)).toBeLessThan(SILENT);
      // that silence means something: the agent speaks, and the customer hears them
      browser.play();
      await waitUntil(
        'the customer hears the agent',
        () => call.stats().audioLevel > HEARD,
        MEDIA_WAIT_MS,
      );

      expect(await command(socket, 'supervisor:stop-listening', { callId })).toEqual({ ok: true });
      await waitUntil(
        'the supervisor’s leg is gone',
        () => !(pool().roomOf(call.id)?.room.legIds ?? []).some((id) => id.startsWith('listen-')),
      );
      expect(call.state).toBe('accepted');

      const ended = nextEvent(agent.socket, 'call:ended');
      await call.hangUp();
      await ended;
    },
    CALL_TIMEOUT_MS,
  );

  it(
    'barging in, the supervisor is heard by the customer, with a microphone answer only',
    async () => {
      const ws = await stack().workspace();
      const { agent, call, callId } = await callInProgress(ws);
      const socket = await stack().connect((await ws.addUser('supervisor')).email);

      const barging = await command(socket, 'supervisor:listen', { callId, barge: true });
      if (!barging.ok) throw new Error(barging.error.message);
      const supervisor = peer(440);
      const speaking = await supervisor.answer(barging.sdp);
      // a receive-only answer will not do: barging in means being heard
      expect(
        await command(socket, 'supervisor:listen-answer', { callId, sdp: receiveOnly(speaking) }),
      ).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      const again = await command(socket, 'supervisor:listen', { callId, barge: true });
      if (!again.ok) throw new Error(again.error.message);
      const answer = await supervisor.answer(again.sdp);
      expect(await command(socket, 'supervisor:listen-answer', { callId, sdp: answer })).toEqual({
        ok: true,
      });
      await supervisor.connected();
      // the agent says nothing: what the customer hears is the supervisor
      supervisor.play();
      await waitUntil(
        'the customer hears the supervisor',
        () => call.stats().audioLevel > HEARD,
        MEDIA_WAIT_MS,
      );
      await waitUntil(
        'the supervisor hears the customer',
        () => supervisor.level() > HEARD,
        MEDIA_WAIT_MS,
      );

      const ended = nextEvent(agent.socket, 'call:ended');
      await call.hangUp();
      await ended;
    },
    CALL_TIMEOUT_MS,
  );

  it(
    'whispering, the supervisor is heard by the agent alone, still hears the call, and the whisper ends when they listen only',
    async () => {
      const ws = await stack().workspace();
      const { agent, call, callId, browser } = await callInProgress(ws);
      const socket = await stack().connect((await ws.addUser('supervisor', 'Wen Lead')).email);
      expect(await command(socket, 'supervisor:whisper', { callId })).toMatchObject({
        ok: false,
        error: { code: 'invalid_state', message: 'Listen in first, then whisper.' },
      });

      const listen = await command(socket, 'supervisor:listen', { callId });
      if (!listen.ok) throw new Error(listen.error.message);
      const listener = peer(330);
      const listening = receiveOnly(await listener.answer(listen.sdp));
      expect(await command(socket, 'supervisor:listen-answer', { callId, sdp: listening })).toEqual(
        { ok: true },
      );

      // the agent's console is offered a leg to hear the whisper on, naming who whispers
      const offered = nextEvent(agent.socket, 'call:whisper');
      const whisper = await command(socket, 'supervisor:whisper', { callId });
      if (!whisper.ok) throw new Error(whisper.error.message);
      const toAgent = await offered;
      expect(toAgent).toMatchObject({ callId, supervisor: { name: 'Wen Lead' } });
      const ear = peer(550);
      const earAnswer = await ear.answer(toAgent.sdp);
      // the agent's leg receives only: an answer that would send is refused
      expect(
        await command(agent.socket, 'call:whisper-answer', { callId, sdp: earAnswer }),
      ).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      // and nobody else answers for the agent
      expect(
        await command(socket, 'call:whisper-answer', { callId, sdp: receiveOnly(earAnswer) }),
      ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(
        await command(agent.socket, 'call:whisper-answer', {
          callId,
          sdp: receiveOnly(earAnswer),
        }),
      ).toEqual({ ok: true });
      // the supervisor's whisper leg sends their voice
      const voice = peer(440);
      expect(
        await command(socket, 'supervisor:whisper-answer', {
          callId,
          sdp: await voice.answer(whisper.sdp),
        }),
      ).toEqual({ ok: true });
      await Promise.all([ear.connected(), voice.connected(), listener.connected()]);
      voice.play();

      await waitUntil('the agent hears the whisper', () => ear.level() > HEARD, MEDIA_WAIT_MS);
      await waitUntil(
        'the supervisor still hears the customer',
        () => listener.level() > HEARD,
        MEDIA_WAIT_MS,
      );
      // the customer hears nothing of it, for as long as it plays (the agent says nothing)
      await waitUntil('the whisper is sent', () => voice.packetsSent > 50, MEDIA_WAIT_MS);
      expect(Math.max(...(await customerLevels(call, 1_500)))).toBeLessThan(SILENT);
      // that silence means something: the agent speaks, and the customer hears them
      browser.play();
      await waitUntil(
        'the customer hears the agent',
        () => call.stats().audioLevel > HEARD,
        MEDIA_WAIT_MS,
      );

      // listening only again ends the whisper: the agent's console is told, the side legs go
      const ended = nextEvent(agent.socket, 'call:whisper-ended');
      const again = await command(socket, 'supervisor:listen', { callId });
      if (!again.ok) throw new Error(again.error.message);
      expect(await ended).toEqual({ callId });
      const side = await pool().sideRoomOf(call.id);
      expect(side?.legIds).toEqual([]);
      expect(call.state).toBe('accepted');

      const over = nextEvent(agent.socket, 'call:ended');
      await call.hangUp();
      await over;
    },
    CALL_TIMEOUT_MS,
  );

  it(
    'is refused in words to an agent, for a direct call, and for a call not in progress',
    async () => {
      const ws = await stack().workspace();
      const { callId, agent } = await callInProgress(ws);
      const refusedAgent = await command(agent.socket, 'supervisor:listen', { callId });
      expect(refusedAgent).toMatchObject({ ok: false, error: { code: 'forbidden' } });

      const lead = await ws.addUser('supervisor');
      const socket = await stack().connect(lead.email);
      expect(
        await command(socket, 'supervisor:listen-answer', { callId, sdp: 'v=0' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'invalid_state', message: 'Listen in first, then answer.' },
      });
      expect(await command(socket, 'supervisor:listen', { callId: 'no-such-call' })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });

      // a direct line's call has no room to join
      const direct = await stack().workspace();
      const bo = await direct.agent('Bo');
      const ringing = nextEvent(bo.socket, 'call:ringing');
      await stack().sim.placeCall({ channel: 'whatsapp', to: direct.phoneNumberId });
      const ring = await ringing;
      const directLead = await stack().connect((await direct.addUser('supervisor')).email);
      const ringingRefusal = await command(directLead, 'supervisor:listen', {
        callId: ring.callId,
      });
      expect(ringingRefusal).toMatchObject({
        ok: false,
        error: { code: 'invalid_state', message: 'Only a call in progress can be listened in on.' },
      });
    },
    CALL_TIMEOUT_MS,
  );
});
