import {
  placePrompt,
  promptDurationMs,
  promptPath,
  type CallRoom,
  type PromptName,
} from '@ringside/anchor';
import type { Logger } from '../ops/logger';

/** how often a queued caller hears their place again over the music */
export const PLACE_REMINDER_MS = 30_000;

/** what a queued caller hears, until {@link QueuePlayer.stop} */
export interface QueuePlayer {
  /** the greeting, place or music stops (an agent joins, voicemail begins, the call ends) */
  stop(): Promise<void>;
}

/**
 * What a queued caller hears in their call's room (#15 item 3): the greeting, their place
 * ("You are number two in the queue"), then the hold music, and their place again every
 * `reminderMs` while they wait, the music paused for it. AudioBridge says nothing when a file
 * ends, so each step is timed by its file ({@link promptDurationMs}). A step the engine refuses is
 * logged and the next goes on: the caller keeps their place in the queue whatever they hear.
 *
 * @example
 * const player = playQueue(room, { placeOf: () => queue.placeOf(callId), music, logger, callId });
 * // an agent answered:
 * await player.stop();
 */
export function playQueue(
  room: CallRoom,
  deps: {
    /** the caller's place now (1: next in line) */
    placeOf: () => Promise<number>;
    /** the hold music's path */
    music: () => Promise<string>;
    logger: Logger;
    callId: string;
    reminderMs?: number;
  },
): QueuePlayer {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  /** the file playing now, to stop it */
  let playing: string | undefined;

  const later = (ms: number, step: () => Promise<void>) => {
    if (stopped) return;
    timer = setTimeout(() => void step(), ms);
    timer.unref();
  };

  async function play(path: string, loop = false): Promise<void> {
    if (stopped) return;
    try {
      playing = await room.playFile(path, { loop });
      // stopped while the engine started it: it must not play on
      if (stopped) await room.stopFile(playing).catch(() => undefined);
    } catch (error) {
      playing = undefined;
      deps.logger.warn({ err: error, callId: deps.callId }, 'the queue could not play a file');
    }
  }

  async function stopPlaying(): Promise<void> {
    const id = playing;
    playing = undefined;
    if (id !== undefined) await room.stopFile(id).catch(() => undefined);
  }

  async function prompt(name: PromptName, then: () => Promise<void>): Promise<void> {
    await play(promptPath(name));
    later(promptDurationMs(name), then);
  }

  async function place(): Promise<void> {
    const at = await deps.placeOf().catch(() => undefined);
    if (at === undefined) return music();
    await prompt(placePrompt(at), music);
  }

  async function music(): Promise<void> {
    await play(await deps.music(), true);
    later(deps.reminderMs ?? PLACE_REMINDER_MS, async () => {
      await stopPlaying();
      await place();
    });
  }

  void prompt('queue-greeting', place);

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await stopPlaying();
    },
  };
}
