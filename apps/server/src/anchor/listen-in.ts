import { AnchorError, type EnginePool, type OfferedLeg } from '@ringside/anchor';
import { validateListenerAnswer, validateLocalAnswer } from '@ringside/sdp';
import type { Actor } from '../calls/actor';
import { CommandError } from '../calls/command-error';
import type { Repos } from '../repos';

/** the supervisor's leg in a call's room (one per supervisor and call) */
const legOf = (userId: string) => `listen-${userId}`;

/**
 * A supervisor listening in on an anchored call: the call's room on the media engine gets a
 * leg for them, muted (they hear the agent and the customer; nobody hears them), or, barging
 * in, heard by both (a three-way call). The engine
 * offers the leg (`listen`), the supervisor's browser answers (`answer`), and `stop` takes the
 * leg out; the call's end drops the whole room, the leg with it. A direct call has no room to
 * join: its audio runs between the agent's browser and Meta only.
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
}) {
  /** offers waiting for the supervisor's answer, by call and supervisor */
  const offered = new Map<string, { leg: OfferedLeg; barge: boolean }>();
  const keyOf = (metaCallId: string, userId: string) => `${metaCallId} ${userId}`;

  async function roomFor(actor: Actor, callId: string) {
    if (actor.role !== 'supervisor' && actor.role !== 'admin') {
      throw new CommandError('forbidden', 'Only supervisors can listen in on calls.');
    }
    const row = await deps.repos.calls.getCallRow(actor.workspaceId, callId);
    if (!row) throw new CommandError('not_found', 'That call does not exist.');
    if (row.model.state !== 'active') {
      throw new CommandError('invalid_state', 'Only a call in progress can be listened in on.');
    }
    const pinned = deps.pool?.roomOf(row.metaCallId);
    if (!pinned) {
      throw new CommandError(
        'invalid_state',
        'This call’s audio runs straight between the agent and the customer: set its line’s call audio to the media server (Admin → Channels) to listen in.',
      );
    }
    return { metaCallId: row.metaCallId, room: pinned.room };
  }

  return {
    /**
     * the engine's offer for the supervisor's leg of the call's room: muted (they listen), or
     * with `barge` heard by everyone
     */
    async listen(actor: Actor, callId: string, barge = false): Promise<{ sdp: string }> {
      const { metaCallId, room } = await roomFor(actor, callId);
      const legId = legOf(actor.userId);
      // listening again (a reload, a second click) starts the leg afresh
      if (room.legIds.includes(legId)) await room.removeLeg(legId).catch(() => undefined);
      try {
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
      const waiting = offered.get(key);
      if (!waiting) throw new CommandError('invalid_state', 'Listen in first, then answer.');
      // listening, an answer that receives only: nothing of the supervisor may reach the call;
      // barging in, one that sends their microphone, as an agent's answer does
      const checked = waiting.barge ? validateLocalAnswer(sdp) : validateListenerAnswer(sdp);
      if (!checked.ok) throw new CommandError('invalid_payload', checked.error.message);
      offered.delete(key);
      try {
        await waiting.leg.accept(checked.summary.sdp);
      } catch (error) {
        throw engineRefusal(error);
      }
    },

    /** takes the supervisor's leg out of the call's room; the call goes on */
    async stop(actor: Actor, callId: string): Promise<void> {
      const { metaCallId, room } = await roomFor(actor, callId);
      offered.delete(keyOf(metaCallId, actor.userId));
      const legId = legOf(actor.userId);
      if (!room.legIds.includes(legId)) return;
      try {
        await room.removeLeg(legId);
      } catch (error) {
        throw engineRefusal(error);
      }
    },
  };
}

export type ListenIn = ReturnType<typeof createListenIn>;

// the engine's own words stay in the log; the supervisor reads what happened to the call
function engineRefusal(error: unknown): Error {
  if (!(error instanceof AnchorError))
    return error instanceof Error ? error : new Error(String(error));
  if (error.code === 'engine_lost' || error.code === 'room_closed') {
    return new CommandError('invalid_state', 'The media server carrying this call stopped.');
  }
  return new CommandError('invalid_payload', 'The media server could not use this answer.');
}
