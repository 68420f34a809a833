const SECOND = 1000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let format = formatters.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, format);
  }
  return format;
}

/**
 * What the clocks in `tz` read at the instant `t` (epoch ms), written as epoch ms as if that
 * reading were UTC: `wallClock(t, tz) - t` is the zone's offset then.
 *
 * @example
 * wallClock(Date.parse('2026-07-01T12:00:00Z'), 'Europe/London'); // Date.parse('2026-07-01T13:00:00Z')
 */
export function wallClock(t: number, tz: string): number {
  const whole = Math.floor(t / SECOND) * SECOND;
  const parts: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(new Date(whole))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const reading = Date.UTC(
    parts['year'] ?? 1970,
    (parts['month'] ?? 1) - 1,
    parts['day'] ?? 1,
    parts['hour'] ?? 0,
    parts['minute'] ?? 0,
    parts['second'] ?? 0,
  );
  return reading + (t - whole);
}

/**
 * The zone's offset from UTC at `t`, in ms (`+05:30` is 19,800,000).
 *
 * @example
 * utcOffsetMs(Date.parse('2026-01-01T00:00:00Z'), 'Asia/Kolkata'); // 19_800_000
 */
export function utcOffsetMs(t: number, tz: string): number {
  return wallClock(t, tz) - t;
}

/**
 * The first instant at which the clocks in `tz` read `wall` (epoch ms as if UTC). An hour the
 * clocks repeat gives its first pass; a reading the clocks jump over (spring forward) gives the
 * instant of the jump, the first that reads later than `wall`.
 *
 * @example
 * // New York skips 02:00-03:00 on 2026-03-08: the day's 02:00 "starts" at its 03:00 EDT
 * instantOfWallClock(Date.parse('2026-03-08T02:00:00Z'), 'America/New_York'); // 2026-03-08T07:00:00Z
 */
export function instantOfWallClock(wall: number, tz: string): number {
  // a day either side sees the offsets on both sides of any change near `wall`
  const before = utcOffsetMs(wall - DAY, tz);
  const after = utcOffsetMs(wall + DAY, tz);
  const fits = [wall - before, wall - after].filter((t) => wallClock(t, tz) === wall);
  if (fits.length > 0) return Math.min(...fits);
  // the clocks jumped over `wall`: find the jump (to the second) between the two readings
  let lo = Math.min(wall - before, wall - after);
  let hi = Math.max(wall - before, wall - after);
  while (hi - lo > SECOND) {
    const mid = lo + Math.floor((hi - lo) / (2 * SECOND)) * SECOND;
    if (wallClock(mid, tz) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The first instant after `from` and no later than `until` at which the zone's offset is no
 * longer `offset` (to the second), or `until` when it stays.
 *
 * @example
 * // London goes from +00:00 to +01:00 at 01:00 UTC on 2026-03-29
 * nextOffsetChange(Date.parse('2026-03-29T00:30:00Z'), Date.parse('2026-03-29T01:30:00Z'), 0, 'Europe/London');
 * // Date.parse('2026-03-29T01:00:00Z')
 */
export function nextOffsetChange(from: number, until: number, offset: number, tz: string): number {
  if (utcOffsetMs(until, tz) === offset) return until;
  let lo = from;
  let hi = until;
  while (hi - lo > SECOND) {
    const mid = lo + Math.floor((hi - lo) / (2 * SECOND)) * SECOND;
    if (utcOffsetMs(mid, tz) === offset) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * An offset as ISO 8601 writes it.
 *
 * @example
 * formatOffset(19_800_000); // '+05:30'
 * formatOffset(-14_400_000); // '-04:00'
 */
export function formatOffset(offsetMs: number): string {
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${offsetMs < 0 ? '-' : '+'}${hh}:${mm}`;
}
