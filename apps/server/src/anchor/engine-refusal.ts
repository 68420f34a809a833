import { AnchorError } from '@ringside/anchor';
import { CommandError } from '../calls/command-error';

/**
 * The media engine's refusal in the user's words: the call's engine stopped, or it could not use
 * what the browser sent. The engine's own words stay in the logs; anything else passes through.
 *
 * @example
 * catch (error) { throw engineRefusal(error); }
 */
export function engineRefusal(error: unknown): Error {
  if (!(error instanceof AnchorError)) {
    return error instanceof Error ? error : new Error(String(error));
  }
  if (error.code === 'engine_lost' || error.code === 'room_closed') {
    return new CommandError('invalid_state', 'The media server carrying this call stopped.');
  }
  return new CommandError('invalid_payload', 'The media server could not use this answer.');
}

/**
 * A step on the media engine, its refusals as {@link engineRefusal} words them.
 *
 * @example
 * const offer = await onEngine(() => anchor.rejoin(metaCallId));
 */
export async function onEngine<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw engineRefusal(error);
  }
}
