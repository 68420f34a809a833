import { currentLocale, t } from '../i18n/i18n';
import { worstVerdict } from './check-result';
import type { LastCheck } from './last-check';

/**
 * When the last test ran, as an agent says it: "today at 09:12", "yesterday at 17:40", or the
 * date.
 *
 * @example
 * testedAtWords(Date.parse('2026-12-08T09:12'), Date.parse('2026-12-08T10:00')); // 'today at 09:12'
 */
export function testedAtWords(at: number, now: number): string {
  const then = new Date(at);
  const time = then.toLocaleTimeString(currentLocale(), { hour: '2-digit', minute: '2-digit' });
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((day(new Date(now)) - day(then)) / 86_400_000);
  if (days === 0) return t('testedAt.today', { time });
  if (days === 1) return t('testedAt.yesterday', { time });
  const date = then.toLocaleDateString(currentLocale(), { day: 'numeric', month: 'short' });
  return t('testedAt.day', { day: date, time });
}

/**
 * One line on the agent view about the last test.
 *
 * @example
 * lastCheckLine(undefined, Date.now()); // 'Not tested in this browser yet.'
 */
export function lastCheckLine(last: LastCheck | undefined, now: number): string {
  if (!last) return t('lastCheck.never');
  const when = testedAtWords(last.at, now);
  const problems = last.results.filter((r) => r.verdict === 'fail').length;
  if (problems > 0) return t('lastCheck.problems', { count: problems, when });
  return worstVerdict(last.results.map((r) => r.verdict)) === 'warn'
    ? t('lastCheck.warnings', { when })
    : t('lastCheck.good', { when });
}
