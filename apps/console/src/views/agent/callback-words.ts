import { currentLocale, t } from '../../i18n/i18n';
import type { Callback } from '@ringside/contracts';
import type { PermissionNotice } from '../../state/types';

/**
 * How long something has waited, roughly: "just now", "12 min", "3 h 5 min", "2 d".
 *
 * @example
 * waitedFor(90_000); // '1 min'
 * waitedFor(3 * 3_600_000 + 5 * 60_000); // '3 h 5 min'
 */
export function waitedFor(ms: number): string {
  const minutes = Math.floor(Math.max(ms, 0) / 60_000);
  if (minutes < 1) return t('wait.justNow');
  if (minutes < 60) return t('wait.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    return minutes % 60
      ? t('wait.hoursMinutes', { hours, minutes: minutes % 60 })
      : t('wait.hours', { hours });
  }
  return t('wait.days', { days: Math.floor(hours / 24) });
}

/**
 * How long ago, for a row: "just now", "12 min ago".
 *
 * @example
 * agoText(90_000); // '1 min ago'
 */
export function agoText(ms: number): string {
  const waited = waitedFor(ms);
  return waited === t('wait.justNow') ? waited : t('wait.ago', { waited });
}

/**
 * Who holds a callback, from the agent's side: nobody, them, or a colleague by name.
 *
 * @example
 * claimOf(callback, 'u1'); // 'mine' | 'open' | { by: 'Ben' }
 */
export function claimOf(callback: Pick<Callback, 'claimedBy'>, myId: string | undefined) {
  if (!callback.claimedBy) return 'open' as const;
  if (callback.claimedBy.userId === myId) return 'mine' as const;
  return { by: callback.claimedBy.name || t('callbacks.colleague') };
}

/**
 * The tries, in words: "1 missed call", "3 missed calls".
 *
 * @example
 * triesText(3); // '3 missed calls'
 */
export function triesText(tries: number): string {
  return t('callbacks.tries', { count: tries });
}

/**
 * What this console last heard of the customer's call permission on the callback's line (their
 * reply to a permission request, as the notices show it): words for the row, or `null` when it
 * heard nothing (Call back then asks them first where the line needs it).
 *
 * @example
 * permissionText(callback, notices, Date.now()); // 'Allows calls until 14 Dec' | 'Declined calls' | null
 */
export function permissionText(
  callback: Pick<Callback, 'caller' | 'called'>,
  notices: readonly PermissionNotice[],
  now: number,
): string | null {
  const who = (c: Callback['caller']) => c.number ?? c.userId ?? c.psid;
  const notice = notices.find(
    (n) => n.channelId === callback.called.channelId && who(n.customer) === who(callback.caller),
  );
  if (!notice) return null;
  if (!notice.granted) return t('callbacks.declinedCalls');
  if (notice.permanent) return t('callbacks.allowsCalls');
  if (notice.expiresAt === undefined) return t('callbacks.allowsCalls');
  if (notice.expiresAt <= now) return null;
  const until = new Date(notice.expiresAt).toLocaleDateString(currentLocale(), {
    day: 'numeric',
    month: 'short',
  });
  return t('callbacks.allowsUntil', { date: until });
}
