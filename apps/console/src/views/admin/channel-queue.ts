import type { MediaModeOption } from '@ringside/contracts';
import type { ChannelDraft } from './channel-form';

/** the server's queue limit, for a channel an older server describes without one */
export const DEFAULT_QUEUE_LIMIT_SEC = 120;

/**
 * Whether the draft's line may queue its callers: only calls through the media server can be
 * answered and held there (the server refuses `queue` otherwise, and on a new line).
 *
 * @example
 * canQueue({ ...draft, kind: 'whatsapp', mediaMode: 'anchored' }); // true
 */
export function canQueue(draft: Pick<ChannelDraft, 'kind' | 'mediaMode'>): boolean {
  return draft.kind === 'whatsapp' && draft.mediaMode === 'anchored';
}

/**
 * The draft with its Call audio changed; a line that can no longer queue goes back to keeping
 * calls ringing (`fellBack` says so, for the form to tell the admin).
 *
 * @example
 * withMediaMode({ ...draft, whenNobodyAvailable: 'queue' }, 'direct');
 * // { draft: { …, mediaMode: 'direct', whenNobodyAvailable: 'keep-ringing' }, fellBack: true }
 */
export function withMediaMode(
  draft: ChannelDraft,
  mediaMode: MediaModeOption,
): { draft: ChannelDraft; fellBack: boolean } {
  const next = { ...draft, mediaMode };
  if (next.whenNobodyAvailable !== 'queue' || canQueue(next))
    return { draft: next, fellBack: false };
  return { draft: { ...next, whenNobodyAvailable: 'keep-ringing' }, fellBack: true };
}
