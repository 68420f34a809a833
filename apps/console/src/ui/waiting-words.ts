import { t, type MessageKey } from '../i18n/i18n';
import type { CallView } from '@ringside/contracts';

/** why a ringing call is answered by the media engine meanwhile (a queueing line) */
export type Waiting = NonNullable<CallView['waiting']>;

const WAITING_WORDS: Record<Waiting, MessageKey> = {
  queued: 'state.queued',
  voicemail: 'state.voicemail',
};

/**
 * What a caller nobody has answered yet is doing on a queueing line, as the board, the ringing
 * card and the call strip say it instead of "Ringing".
 *
 * @example
 * waitingWords('queued'); // 'In queue'
 * waitingWords('voicemail'); // 'Leaving voicemail'
 */
export function waitingWords(waiting: Waiting): string {
  return t(WAITING_WORDS[waiting]);
}
