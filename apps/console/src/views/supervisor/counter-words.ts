import { formatNumber } from '../../i18n/formats';
import { t } from '../../i18n/i18n';
import { formatDuration } from '../../ui/format';

/** what a counter shows when there is nothing to average yet */
export const NO_FIGURE = '—';

/**
 * A short wait: tenths of a second under a minute, `m:ss` after.
 *
 * @example
 * formatWait(6400); // '6.4 s'
 * formatWait(75_000); // '1:15'
 * formatWait(null); // '—'
 */
export function formatWait(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return NO_FIGURE;
  if (ms >= 60_000) return formatDuration(ms);
  const value = formatNumber(ms / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return t('figure.seconds', { value });
}

/**
 * A call length as timers show it.
 *
 * @example
 * formatCallLength(192_000); // '3:12'
 * formatCallLength(null); // '—'
 */
export function formatCallLength(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return NO_FIGURE;
  return formatDuration(ms);
}

/**
 * A share (0 to 1) as a whole percentage.
 *
 * @example
 * formatShare(0.916); // '92 %'
 * formatShare(null); // '—'
 */
export function formatShare(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return NO_FIGURE;
  const clamped = Math.min(1, Math.max(0, share));
  return `${formatNumber(Math.round(clamped * 100))} %`;
}
