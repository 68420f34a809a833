import { AnchorError, promptDurationMs, promptPath } from '@ringside/anchor';
import type { Logger } from '../ops/logger';
import type { AnchorRecorder } from './anchor-recording';
import type { AnchoredCall } from './anchored-call-state';
import { playQueue } from './call-queue';

/**
 * The media side of a call nobody is free for (#15 items 3 and 4), for anchored-media.ts: the
 * engine's answer for Meta, what the caller hears while queued ({@link playQueue}), and the
 * voicemail (the greeting, then the room recorded until the call ends).
 *
 * @example
 * const waiting = createCallWaiting({ callOf, holdMusic, logger, recorder });
 * const sdp = await waiting.queueAnswer(metaCallId); // pre_accept/accept carry it
 */
export function createCallWaiting(deps: {
  callOf: (metaCallId: string) => Promise<AnchoredCall | undefined> | undefined;
  holdMusic: () => Promise<string>;
  logger: Logger;
  recorder?: AnchorRecorder;
  placeReminderMs?: number;
}) {
  async function stopQueue(call: AnchoredCall): Promise<void> {
    const queue = call.queue;
    call.queue = undefined;
    await queue?.stop();
  }

  return {
    /**
     * Nobody is free: the engine answers the call itself. Resolves with the engine's answer to
     * Meta (for pre_accept/accept), or undefined for a call not anchored here.
     */
    async queueAnswer(metaCallId: string): Promise<string | undefined> {
      const call = await deps.callOf(metaCallId);
      if (!call) return undefined;
      if (call.lost) throw new AnchorError('engine_lost', `the engine of ${metaCallId} is gone`);
      return call.customerAnswer;
    },

    /**
     * Meta accepted the engine's answer: the caller hears the queue's greeting, their place
     * (`placeOf`) and the music until an agent joins ({@link accepted}) or voicemail begins
     */
    async queued(metaCallId: string, placeOf: () => Promise<number>): Promise<void> {
      const call = await deps.callOf(metaCallId);
      // an agent may have taken the call while Meta's accept was under way: nothing to play
      if (!call || call.lost || call.queue || call.talking) return;
      call.queue = playQueue(call.room, {
        placeOf,
        music: deps.holdMusic,
        logger: deps.logger,
        callId: metaCallId,
        ...(deps.placeReminderMs === undefined ? {} : { reminderMs: deps.placeReminderMs }),
      });
    },

    /**
     * The queue limit passed: the caller hears the voicemail greeting (it ends in a tone), then
     * the engine records what they say until the call ends; the recording is kept as the call's
     * voicemail when the room goes ({@link release}). Nothing is recorded without a recorder.
     */
    async voicemail(metaCallId: string): Promise<void> {
      const call = await deps.callOf(metaCallId);
      if (!call || call.lost) return;
      await stopQueue(call);
      await call.room.playFile(promptPath('voicemail-greeting')).catch((error: unknown) => {
        deps.logger.warn(
          { err: error, callId: metaCallId },
          'could not play the voicemail greeting',
        );
      });
      const recorder = deps.recorder;
      if (!recorder) return;
      call.voicemailTimer = setTimeout(() => {
        call.voicemailTimer = undefined;
        if (call.lost || call.released) return;
        recorder
          .start(call.room, 'voicemail')
          .then(async (recording) => {
            call.recording = recording;
            // the call ended while the engine started recording: keep what there is
            if (call.released) await recorder.keep(call.channel, metaCallId, recording);
          })
          .catch((error: unknown) => {
            deps.logger.error({ err: error, callId: metaCallId }, 'could not record a voicemail');
          });
      }, promptDurationMs('voicemail-greeting'));
      call.voicemailTimer.unref();
    },

    /** the queue's greeting, place or music stops (an agent came in, the call is over) */
    stopQueue,
  };
}
