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
  const time = then.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((day(new Date(now)) - day(then)) / 86_400_000);
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `yesterday at ${time}`;
  return `${then.toLocaleDateString([], { day: 'numeric', month: 'short' })} at ${time}`;
}

/**
 * One line on the agent view about the last test.
 *
 * @example
 * lastCheckLine(undefined, Date.now()); // 'Not tested in this browser yet.'
 */
export function lastCheckLine(last: LastCheck | undefined, now: number): string {
  if (!last) return 'Not tested in this browser yet.';
  const when = `Last tested ${testedAtWords(last.at, now)}`;
  const problems = last.results.filter((r) => r.verdict === 'fail').length;
  if (problems > 0)
    return `${when}: ${problems === 1 ? 'a problem' : `${problems} problems`} found.`;
  return worstVerdict(last.results.map((r) => r.verdict)) === 'warn'
    ? `${when}: works, with warnings.`
    : `${when}: all good.`;
}
