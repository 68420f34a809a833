import type { CallOfferedEvent } from '@ringside/calls';
import { AnchorError, type CallRoom, type EnginePool } from '@ringside/anchor';
import { validateLocalAnswer } from '@ringside/sdp';
import type { Logger } from '../ops/logger';
import type { AnchorRecorder } from './anchor-recording';
import { closeConsult, consultLegOf } from './call-hold';
import { writeHoldMusic } from './hold-music';
import type { AnchoredCall } from './anchored-call-state';
import { createCallWaiting } from './call-waiting';
import type { ChannelRecord } from '../repos/channel-rows';

/** what a connect becomes on an anchored channel */
export interface Anchored {
  /** the event to apply: its offer is the engine's offer to the agent, when the call is anchored */
  readonly event: CallOfferedEvent;
  /** a room was made for this event (not found from an earlier delivery of the same connect) */
  readonly fresh: boolean;
  /** the engine the call is pinned to; undefined: the call is direct */
  readonly engine?: string;
}

/**
 * how long an anchored call waits, after its agent's tab closed, for the tab to come back and
 * rejoin (a reload takes a few seconds); then the call ends
 */
export const REJOIN_GRACE_MS = 15_000;

/** what ends a call whose engine died: the call service feeds it (see engine-loss.ts) */
export type LostCall = (channel: ChannelRecord, metaCallId: string) => Promise<void>;

/**
 * The media of WhatsApp calls on anchored channels (docs/anchor.md): on connect, a room on one
 * engine of the pool, the customer's leg answering Meta's offer and an agent's leg for which the
 * engine offers. The agents are rung with the engine's offer, so a console answers it exactly as it
 * answers Meta's offer on a direct channel; the engine's answer to Meta goes out in
 * pre_accept/accept. The rooms are kept in memory: a room's legs belong to this process's engine
 * session, so another node or a restarted server could not act on them even knowing the engine
 * (the call row keeps the engine's name, `anchor_engine`, so they can tell and refuse).
 *
 * @example
 * const media = createAnchoredMedia({ pool, logger, lost });
 * const { event: rung } = await media.anchor(channel, connect); // rung.sdpOffer: the engine's
 * const forMeta = await media.agentAnswered(connect.callId, browserAnswer); // the engine's answer
 * await media.release(connect.callId); // the call ended
 */
export function createAnchoredMedia(deps: {
  pool: EnginePool;
  logger: Logger;
  lost: LostCall;
  /** {@link REJOIN_GRACE_MS} unless given */
  rejoinGraceMs?: number;
  /** records the calls of lines that record theirs (none are recorded without it) */
  recorder?: AnchorRecorder;
  /**
   * the path of the hold music the engine plays, asked at every hold ({@link writeHoldMusic},
   * made once, unless given)
   */
  holdMusic?: () => Promise<string>;
  /** how often a queued caller hears their place again ({@link PLACE_REMINDER_MS} unless given) */
  placeReminderMs?: number;
}) {
  // made once, on the first hold
  let made: Promise<string> | undefined;
  const holdMusicPath =
    deps.holdMusic ??
    (() => {
      made ??= writeHoldMusic();
      return made;
    });
  /** a live anchored call of this process, or an error in the engine's terms */
  async function liveCall(metaCallId: string): Promise<AnchoredCall> {
    const call = await calls.get(metaCallId);
    if (!call) throw new AnchorError('room_closed', `${metaCallId} is not anchored here`);
    if (call.lost) throw new AnchorError('engine_lost', `the engine of ${metaCallId} is gone`);
    return call;
  }

  const calls = new Map<string, Promise<AnchoredCall | undefined>>();
  /** calls whose agent's tab closed: each ends when its timer fires, unless the agent rejoins */
  const leaving = new Map<string, NodeJS.Timeout>();
  const stopLeaving = (metaCallId: string) => {
    clearTimeout(leaving.get(metaCallId));
    leaving.delete(metaCallId);
  };

  /** `end` runs after the rejoin grace unless an agent's console rejoins the call first */
  function startLeaving(metaCallId: string, end: () => Promise<void>): void {
    stopLeaving(metaCallId);
    const timer = setTimeout(() => {
      leaving.delete(metaCallId);
      end().catch((error: unknown) =>
        deps.logger.error(
          { err: error, callId: metaCallId },
          'could not end an anchored call its agent left',
        ),
      );
    }, deps.rejoinGraceMs ?? REJOIN_GRACE_MS);
    timer.unref();
    leaving.set(metaCallId, timer);
  }

  /** the hold's music stops (the agent's leg is already back, or fresh, in the call's room) */
  async function endHold(metaCallId: string, call: AnchoredCall): Promise<void> {
    const held = call.held;
    if (!held) return;
    call.held = undefined;
    await call.room.stopFile(held.music).catch((error: unknown) => {
      deps.logger.warn({ err: error, callId: metaCallId }, 'could not stop the hold music');
    });
  }

  async function open(
    channel: ChannelRecord,
    metaCallId: string,
    metaOffer: string,
  ): Promise<AnchoredCall | undefined> {
    let room: CallRoom | undefined;
    try {
      const pinned = await deps.pool.createRoom(metaCallId);
      room = pinned.room;
      const { answer } = await room.addLegFromOffer('customer', metaOffer);
      // the engine's answer is what Meta gets: it must pass the checks a browser's answer passes
      const checked = validateLocalAnswer(answer);
      if (!checked.ok) {
        throw new AnchorError(
          'negotiation_failed',
          `the engine's answer to Meta is unusable: ${checked.error.message}`,
        );
      }
      // muted until Meta accepts: media should flow only after accept (spec §2.5), and the
      // customer's leg is up from pre_accept on
      const agent = await room.addLegWithOffer('agent', { muted: true });
      const call: AnchoredCall = {
        channel,
        engine: pinned.engine,
        room,
        customerAnswer: checked.summary.sdp,
        agent,
        lost: false,
      };
      void room.closed.then((reason) => {
        if (reason !== 'engine_lost' || calls.get(metaCallId) === undefined) return;
        call.lost = true;
        deps.logger.warn(
          { callId: metaCallId, engine: call.engine },
          'media engine lost: ending its call',
        );
        deps
          .lost(channel, metaCallId)
          .catch((error: unknown) =>
            deps.logger.error(
              { err: error, callId: metaCallId },
              'could not end a call whose engine died',
            ),
          );
      });
      deps.logger.info({ callId: metaCallId, engine: pinned.engine }, 'call anchored');
      return call;
    } catch (error) {
      await room?.destroy().catch(() => undefined);
      // nothing reached Meta or an agent yet: the call goes on as on a direct channel
      deps.logger.warn(
        { err: error, callId: metaCallId, channelId: channel.id },
        'call not anchored: its audio goes straight to the agent',
      );
      return undefined;
    }
  }

  const waiting = createCallWaiting({
    callOf: (metaCallId) => calls.get(metaCallId),
    holdMusic: holdMusicPath,
    logger: deps.logger,
    ...(deps.recorder === undefined ? {} : { recorder: deps.recorder }),
    ...(deps.placeReminderMs === undefined ? {} : { placeReminderMs: deps.placeReminderMs }),
  });

  return {
    /**
     * A connect on an anchored WhatsApp channel: the call's room, and the event with the engine's
     * offer to the agent in place of Meta's. Anything else, or no engine to take the call, comes
     * back as it was (direct). A second delivery of the same connect finds the same room.
     */
    async anchor(channel: ChannelRecord, event: CallOfferedEvent): Promise<Anchored> {
      if (channel.kind !== 'whatsapp' || channel.mediaMode !== 'anchored' || !event.sdpOffer) {
        return { event, fresh: false };
      }
      const earlier = calls.get(event.callId);
      const made = earlier ?? open(channel, event.callId, event.sdpOffer);
      if (!earlier) calls.set(event.callId, made);
      const call = await made;
      if (!call) {
        if (calls.get(event.callId) === made) calls.delete(event.callId);
        return { event, fresh: false };
      }
      return {
        event: { ...event, sdpOffer: call.agent.offer },
        fresh: earlier === undefined,
        engine: call.engine,
      };
    },

    /**
     * The claiming agent's answer to the engine's offer joins them to the room; resolves with
     * the engine's answer to Meta (for pre_accept/accept), or undefined for a call that is not
     * anchored. Throws {@link AnchorError} when the engine refuses the answer or is gone.
     */
    async agentAnswered(metaCallId: string, agentAnswer: string): Promise<string | undefined> {
      const call = await calls.get(metaCallId);
      if (!call) return undefined;
      if (call.lost) {
        throw new AnchorError('engine_lost', `the engine of ${metaCallId} is gone`);
      }
      await call.agent.accept(agentAnswer);
      return call.customerAnswer;
    },

    /**
     * Meta accepted the call: the customer hears the agent from now on, and a line that records
     * its calls has this one recorded here (Meta was not asked to: see media-opt-in.ts)
     */
    async accepted(metaCallId: string): Promise<void> {
      const call = await calls.get(metaCallId);
      if (!call || call.lost) return;
      call.talking = true;
      // a queued caller: the greeting, place or music stops as the agent comes in
      await waiting.stopQueue(call);
      await call.room.setMuted('agent', false).catch((error: unknown) => {
        deps.logger.error({ err: error, callId: metaCallId }, 'could not unmute the agent’s leg');
      });
      const recorder = deps.recorder;
      if (!recorder?.wanted(call.channel) || call.recording) return;
      try {
        call.recording = await recorder.start(call.room);
      } catch (error) {
        deps.logger.error(
          { err: error, callId: metaCallId },
          'the media server could not record a call its line records',
        );
      }
    },

    ...waiting,

    /**
     * The agent's console lost its leg of the call in progress (the tab reloaded, the network
     * changed): the old leg goes and the engine offers a fresh one, heard at once (Meta accepted
     * long ago); the customer's leg never moves. Undefined for a call not anchored here.
     */
    async rejoin(metaCallId: string): Promise<string | undefined> {
      const call = await calls.get(metaCallId);
      if (!call) return undefined;
      if (call.lost) throw new AnchorError('engine_lost', `the engine of ${metaCallId} is gone`);
      const held = call.held;
      for (const room of [call.room, held?.side]) {
        if (room?.legIds.includes('agent')) await room.removeLeg('agent');
      }
      // on hold for a transfer, the agent handing over comes back on hold (the transfer goes
      // on); once handed over, the new agent joins the customer and the hold ends with that
      const into = held && !held.handingOver ? held.side : call.room;
      call.agent = await into.addLegWithOffer('agent');
      return call.agent.offer;
    },

    /** the rejoining console's answer completes its fresh leg; false: not anchored here */
    async rejoinAnswered(metaCallId: string, agentAnswer: string): Promise<boolean> {
      const call = await calls.get(metaCallId);
      if (!call) return false;
      if (call.lost) throw new AnchorError('engine_lost', `the engine of ${metaCallId} is gone`);
      await call.agent.accept(agentAnswer);
      stopLeaving(metaCallId);
      if (call.held?.handingOver) await endHold(metaCallId, call);
      return true;
    },

    /**
     * A transfer begins: the agent's leg goes to the call's side room (the same PeerConnection,
     * moved, so their console renegotiates nothing) and hold music plays to the customer, who
     * hears neither. Throws {@link AnchorError} when the engine cannot.
     */
    async hold(metaCallId: string): Promise<void> {
      const call = await liveCall(metaCallId);
      if (call.held) return;
      const side = await deps.pool.sideRoomOf(metaCallId);
      const path = await holdMusicPath();
      // the agent leaves first, so the customer never hears them over the music
      const moved = call.room.legIds.includes('agent');
      if (moved) await call.room.moveLeg('agent', side);
      try {
        call.held = { side, music: await call.room.playFile(path, { loop: true }) };
      } catch (error) {
        if (moved) await side.moveLeg('agent', call.room).catch(() => undefined);
        throw error;
      }
    },

    /** the transfer is off: the music stops, the agent's leg is back with the customer */
    async unhold(metaCallId: string): Promise<void> {
      const call = await liveCall(metaCallId);
      const held = call.held;
      if (!held) return;
      await closeConsult(held);
      if (held.side.legIds.includes('agent')) await held.side.moveLeg('agent', call.room);
      await endHold(metaCallId, call);
    },

    /**
     * A warm transfer's consult: the engine's offer of a leg for the colleague in the side room,
     * where the agent on hold hears them and the customer does not
     */
    async openConsult(metaCallId: string, userId: string): Promise<string> {
      const call = await liveCall(metaCallId);
      const held = call.held;
      if (!held) throw new AnchorError('request_failed', `${metaCallId} is not on hold`);
      await closeConsult(held);
      const leg = await held.side.addLegWithOffer(consultLegOf(userId));
      held.consult = { userId, leg };
      return leg.offer;
    },

    /** the colleague's answer completes their consult leg */
    async consultAnswered(metaCallId: string, userId: string, answer: string): Promise<void> {
      const call = await liveCall(metaCallId);
      const consult = call.held?.consult;
      if (consult?.userId !== userId) {
        throw new AnchorError('request_failed', `no consult of ${userId} on ${metaCallId}`);
      }
      await consult.leg.accept(answer);
    },

    /**
     * The call changed hands: the old agent's leg goes and the music plays on until the new
     * agent's console rejoins (a fresh leg, {@link rejoin}); if it has not within the grace,
     * `end` runs, as for a closed tab.
     */
    async handOver(metaCallId: string, end: () => Promise<void>): Promise<void> {
      const call = await liveCall(metaCallId);
      if (call.held) {
        await closeConsult(call.held);
        call.held.handingOver = true;
      }
      for (const room of [call.room, call.held?.side]) {
        if (room?.legIds.includes('agent')) await room.removeLeg('agent');
      }
      startLeaving(metaCallId, end);
    },

    /**
     * The agent's tab closed on the call (a reload, or for good): the customer's leg stays, and
     * `end` runs unless the agent rejoins within the grace. False for a call not anchored here
     * (its audio went with the tab: end it now).
     */
    async tabClosed(metaCallId: string, end: () => Promise<void>): Promise<boolean> {
      const call = await calls.get(metaCallId);
      if (!call || call.lost) return false;
      startLeaving(metaCallId, end);
      return true;
    },

    /** the call is over (or was never stored): its room goes, with every leg in it */
    async release(metaCallId: string): Promise<void> {
      stopLeaving(metaCallId);
      const made = calls.get(metaCallId);
      if (!made) return;
      calls.delete(metaCallId);
      const call = await made;
      if (!call) return;
      call.released = true;
      clearTimeout(call.voicemailTimer);
      await waiting.stopQueue(call);
      const recording = call.recording;
      // the engine finishes the file before the room goes
      if (recording) await call.room.setRecording(false).catch(() => undefined);
      await call.room.destroy().catch((error: unknown) => {
        deps.logger.warn(
          { err: error, callId: metaCallId },
          'could not destroy an anchored call’s room',
        );
      });
      if (recording) void deps.recorder?.keep(call.channel, metaCallId, recording);
    },

    /** settles when the call's room is gone (the call ended, or its engine died); at once if none */
    async whenClosed(metaCallId: string): Promise<void> {
      await (
        await calls.get(metaCallId)
      )?.room.closed;
    },

    /** the engine a call is pinned to, while it is anchored */
    async engineOf(metaCallId: string): Promise<string | undefined> {
      return (await calls.get(metaCallId))?.engine;
    },
  };
}

export type AnchoredMedia = ReturnType<typeof createAnchoredMedia>;
