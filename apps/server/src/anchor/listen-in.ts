import type { CallRoom, EnginePool, OfferedLeg } from '@ringside/anchor';
import type { CallWhisperEndedPayload, CallWhisperPayload } from '@ringside/contracts';
import { validateListenerAnswer, validateLocalAnswer } from '@ringside/sdp';
import type { Actor } from '../calls/actor';
import { CommandError } from '../calls/command-error';
import type { Repos } from '../repos';
import { engineRefusal } from './engine-refusal';

/** the supervisor's leg in a call's room (one per supervisor and call) */
const legOf = (userId: string) => `listen-${userId}`;
/** in the call's side room: a whispering supervisor's leg, heard there by the agent alone */
const whisperLegOf = (userId: string) => `whisper-${userId}`;
/** in the call's side room: the agent's receive-only leg, on which they hear whispers */
const hearLegOf = (userId: string) => `hear-${userId}`;

/** what the agent's console is told of a whisper (`call:whisper`, `call:whisper-ended`) */
export interface WhisperNotices {
  whisper(agentUserId: string, payload: CallWhisperPayload): void;
  whisperEnded(agentUserId: string, payload: CallWhisperEndedPayload): void;
}

/**
 * A supervisor listening in on an anchored call: the call's room on the media engine gets a
 * leg for them, muted (they hear the agent and the customer; nobody hears them), or, barging
 * in, heard by both (a three-way call). The engine
 * offers the leg (`listen`), the supervisor's browser answers (`answer`), and `stop` takes the
 * leg out; the call's end drops the whole room, the leg with it. A direct call has no room to
 * join: its audio runs between the agent's browser and Meta only.
 *
 * Whispering (`whisper`), a listening supervisor talks to the agent alone: one mixer cannot leave
 * the customer out, so the supervisor gets a second leg in the call's side room, where the agent
 * has a receive-only leg of their own (offered to their console with `call:whisper`); the
 * supervisor's listening leg stays muted in the customer's room (docs/anchor.md, whisper).
 *
 * @example
 * const listenIn = createListenIn({ repos, pool });
 * const { sdp } = await listenIn.listen(supervisor, callId); // the engine's offer
 * await listenIn.answer(supervisor, callId, answerSdp);
 */
export function createListenIn(deps: {
  repos: Pick<Repos, 'calls'>;
  /** `ANCHOR_ENGINES`, opened; absent: no call is anchored, so none can be listened in on */
  pool: EnginePool | undefined;
  notices: WhisperNotices;
}) {
  /** offers waiting for the supervisor's answer, by call and supervisor */
  const offered = new Map<string, { leg: OfferedLeg; barge: boolean }>();
  /** whisper legs' offers waiting for an answer: the supervisor's and the agent's, by call and user */
  const whisperOffers = new Map<string, { leg: OfferedLeg }>();
  const hearOffers = new Map<string, { leg: OfferedLeg }>();
  const keyOf = (metaCallId: string, userId: string) => `${metaCallId} ${userId}`;

  async function roomFor(actor: Actor, callId: string) {
    if (actor.role !== 'supervisor' && actor.role !== 'admin') {
      throw new CommandError('forbidden', 'Only supervisors can listen in on calls.');
    }
    const row = await deps.repos.calls.getCallRow(actor.workspaceId, callId);
    if (!row) throw new CommandError('not_found', 'That call does not exist.');
    const model = row.model;
    if (model.state !== 'active') {
      throw new CommandError('invalid_state', 'Only a call in progress can be listened in on.');
    }
    const pool = deps.pool;
    const pinned = pool?.roomOf(row.metaCallId);
    if (!pool || !pinned) {
      throw new CommandError(
        'invalid_state',
        'This call’s audio runs straight between the agent and the customer: set its line’s call audio to the media server (Admin → Channels) to listen in.',
      );
    }
    return { pool, metaCallId: row.metaCallId, room: pinned.room, agentUserId: model.agentId };
  }

  /**
   * the call's side room (see EnginePool.sideRoomOf); the first time, the offers kept for the
   * call are set to be forgotten when its room closes
   */
  async function sideRoomOf(pool: EnginePool, metaCallId: string, room: CallRoom) {
    if (!pool.hasSideRoom(metaCallId)) {
      void room.closed.then(() => {
        for (const map of [offered, whisperOffers, hearOffers]) {
          for (const key of map.keys()) if (key.startsWith(`${metaCallId} `)) map.delete(key);
        }
      });
    }
    return pool.sideRoomOf(metaCallId);
  }

  /**
   * takes the supervisor's whisper leg out of the side room; with no whisper left there, the
   * agent's receive-only leg goes too and their console is told
   */
  async function endWhisper(
    callId: string,
    call: { pool: EnginePool; metaCallId: string; agentUserId: string },
    supervisorUserId: string,
  ): Promise<void> {
    whisperOffers.delete(keyOf(call.metaCallId, supervisorUserId));
    if (!call.pool.hasSideRoom(call.metaCallId)) return;
    const side = await call.pool.sideRoomOf(call.metaCallId);
    const mine = whisperLegOf(supervisorUserId);
    if (side.legIds.includes(mine)) await side.removeLeg(mine);
    const hear = hearLegOf(call.agentUserId);
    if (side.legIds.some((id) => id.startsWith('whisper-')) || !side.legIds.includes(hear)) return;
    hearOffers.delete(keyOf(call.metaCallId, call.agentUserId));
    await side.removeLeg(hear);
    deps.notices.whisperEnded(call.agentUserId, { callId });
  }

  return {
    /**
     * the engine's offer for the supervisor's leg of the call's room: muted (they listen), or
     * with `barge` heard by everyone
     */
    async listen(actor: Actor, callId: string, barge = false): Promise<{ sdp: string }> {
      const call = await roomFor(actor, callId);
      const { metaCallId, room } = call;
      const legId = legOf(actor.userId);
      try {
        // listening again (a reload, a second click, listen only or barge after a whisper)
        // starts afresh: the whisper ends, the leg is made anew
        await endWhisper(callId, call, actor.userId);
        if (room.legIds.includes(legId)) await room.removeLeg(legId).catch(() => undefined);
        const leg = await room.addLegWithOffer(legId, { muted: !barge });
        offered.set(keyOf(metaCallId, actor.userId), { leg, barge });
        return { sdp: leg.offer };
      } catch (error) {
        throw engineRefusal(error);
      }
    },

    /** completes the supervisor's leg with their browser's answer */
    async answer(actor: Actor, callId: string, sdp: string): Promise<void> {
      const { metaCallId } = await roomFor(actor, callId);
      const key = keyOf(metaCallId, actor.userId);
      // listening, an answer that receives only: nothing of the supervisor may reach the call;
      // barging in, one that sends their microphone, as an agent's answer does
      const check = offered.get(key)?.barge ? validateLocalAnswer : validateListenerAnswer;
      await completeLeg(offered, key, sdp, check, 'Listen in first, then answer.');
    },

    /**
     * the engine's offer for the listening supervisor's whisper leg (heard by the agent alone);
     * the agent's console is offered its receive-only leg with `call:whisper`
     */
    async whisper(actor: Actor, callId: string): Promise<{ sdp: string }> {
      const call = await roomFor(actor, callId);
      const { pool, metaCallId, room, agentUserId } = call;
      if (!room.legIds.includes(legOf(actor.userId))) {
        throw new CommandError('invalid_state', 'Listen in first, then whisper.');
      }
      try {
        const side = await sideRoomOf(pool, metaCallId, room);
        const mine = whisperLegOf(actor.userId);
        if (side.legIds.includes(mine)) await side.removeLeg(mine);
        const hear = hearLegOf(agentUserId);
        if (!side.legIds.includes(hear)) {
          const agentLeg = await side.addLegWithOffer(hear, { muted: true });
          hearOffers.set(keyOf(metaCallId, agentUserId), { leg: agentLeg });
          deps.notices.whisper(agentUserId, {
            callId,
            sdp: agentLeg.offer,
            supervisor: { userId: actor.userId, name: actor.name },
          });
        }
        const leg = await side.addLegWithOffer(mine);
        whisperOffers.set(keyOf(metaCallId, actor.userId), { leg });
        return { sdp: leg.offer };
      } catch (error) {
        throw engineRefusal(error);
      }
    },

    /** completes the supervisor's whisper leg with their browser's answer (it sends) */
    async whisperAnswer(actor: Actor, callId: string, sdp: string): Promise<void> {
      const { metaCallId } = await roomFor(actor, callId);
      const key = keyOf(metaCallId, actor.userId);
      await completeLeg(
        whisperOffers,
        key,
        sdp,
        validateLocalAnswer,
        'Whisper first, then answer.',
      );
    },

    /** completes the agent's leg for hearing whispers; it receives only */
    async hearWhisper(actor: Actor, callId: string, sdp: string): Promise<void> {
      const row = await deps.repos.calls.getCallRow(actor.workspaceId, callId);
      if (!row) throw new CommandError('not_found', 'That call does not exist.');
      if (row.model.state !== 'active' || row.model.agentId !== actor.userId) {
        throw new CommandError('forbidden', 'Only the call’s agent hears its whispers.');
      }
      const key = keyOf(row.metaCallId, actor.userId);
      await completeLeg(
        hearOffers,
        key,
        sdp,
        validateListenerAnswer,
        'Nobody is whispering on this call.',
      );
    },

    /** takes the supervisor's legs out of the call's rooms (a whisper ends); the call goes on */
    async stop(actor: Actor, callId: string): Promise<void> {
      const call = await roomFor(actor, callId);
      const { metaCallId, room } = call;
      offered.delete(keyOf(metaCallId, actor.userId));
      const legId = legOf(actor.userId);
      try {
        await endWhisper(callId, call, actor.userId);
        if (room.legIds.includes(legId)) await room.removeLeg(legId);
      } catch (error) {
        throw engineRefusal(error);
      }
    },
  };
}

export type ListenIn = ReturnType<typeof createListenIn>;

/** what checks a browser's answer before the engine gets it */
type AnswerCheck = typeof validateLocalAnswer | typeof validateListenerAnswer;

/**
 * Completes an offered leg with the browser's answer, which must pass `check`; the offer is used
 * once. Refused in words when nothing was offered or the answer does not pass.
 */
async function completeLeg(
  offers: Map<string, { leg: OfferedLeg }>,
  key: string,
  sdp: string,
  check: AnswerCheck,
  notOffered: string,
): Promise<void> {
  const waiting = offers.get(key);
  if (!waiting) throw new CommandError('invalid_state', notOffered);
  const checked = check(sdp);
  if (!checked.ok) throw new CommandError('invalid_payload', checked.error.message);
  offers.delete(key);
  try {
    await waiting.leg.accept(checked.summary.sdp);
  } catch (error) {
    throw engineRefusal(error);
  }
}
