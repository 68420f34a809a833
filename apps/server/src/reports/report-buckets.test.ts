import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportSpans, spanIndex, type BucketRange } from './report-buckets';
import { utcOffsetMs, wallClock } from './zoned-time';

const HOUR = 3_600_000;
const DAY = 86_400_000;

// zones with the awkward cases: none, half and quarter hours, DST both hemispheres, midnight
// skipped (Santiago), half-hour DST (Lord Howe), DST at 02:45 (Chatham)
const ZONES = [
  'UTC',
  'Europe/London',
  'America/New_York',
  'America/St_Johns',
  'America/Santiago',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Africa/Casablanca',
];

const day = (offset: number) =>
  new Date(Date.UTC(2024, 0, 1) + offset * DAY).toISOString().slice(0, 10);

const ranges = fc
  .record({
    tz: fc.constantFrom(...ZONES),
    bucket: fc.constantFrom('hour' as const, 'day' as const),
    first: fc.integer({ min: 0, max: 6 * 365 }),
    days: fc.integer({ min: 1, max: 7 }),
  })
  .map(({ tz, bucket, first, days }): BucketRange => ({
    tz,
    bucket,
    from: day(first),
    to: day(first + (bucket === 'day' ? days * 13 : days) - 1),
  }));

function spansHold(range: BucketRange) {
  const spans = reportSpans(range);
  expect(spans.length).toBeGreaterThan(0);
  for (const [i, span] of spans.entries()) {
    expect(span.end).toBeGreaterThan(span.start);
    if (i > 0) expect(span.start).toBe(spans[i - 1]?.end);
  }
  // the range starts as `from` begins on the zone's clock and ends as the day after `to` begins
  const first = spans[0]!;
  const last = spans.at(-1)!;
  expect(new Date(wallClock(first.start, range.tz)).toISOString().slice(0, 10)).toBe(range.from);
  expect(
    new Date(wallClock(first.start - 1000, range.tz)).toISOString().slice(0, 10) < range.from,
  ).toBe(true);
  expect(new Date(wallClock(last.end - 1000, range.tz)).toISOString().slice(0, 10)).toBe(range.to);
  return spans;
}

describe('report buckets', () => {
  it('cover the range back to back: every instant in exactly one, none outside', () => {
    fc.assert(
      fc.property(
        ranges,
        fc.array(fc.double({ min: -0.2, max: 1.2, noNaN: true }), { maxLength: 30 }),
        (range, where) => {
          const spans = spansHold(range);
          const from = spans[0]!.start;
          const until = spans.at(-1)!.end;
          for (const w of where) {
            const t = from + Math.floor(w * (until - from));
            const holding = spans.filter((s) => s.start <= t && t < s.end).length;
            expect(holding).toBe(t >= from && t < until ? 1 : 0);
            expect(spanIndex(spans, t) === -1).toBe(holding === 0);
            if (holding) {
              const found = spans[spanIndex(spans, t)]!;
              expect(found.start <= t && t < found.end).toBe(true);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('by the hour: each an hour at most, starting on the hour or where the offset changes', () => {
    fc.assert(
      fc.property(
        ranges.filter((r) => r.bucket === 'hour'),
        (range) => {
          for (const span of spansHold(range)) {
            expect(span.end - span.start).toBeLessThanOrEqual(HOUR);
            const onTheHour = wallClock(span.start, range.tz) % HOUR === 0;
            const offsetChanged =
              utcOffsetMs(span.start - 1000, range.tz) !== utcOffsetMs(span.start, range.tz);
            expect(onTheHour || offsetChanged).toBe(true);
            // the label is the zone's reading at the start
            const reading = new Date(wallClock(span.start, range.tz)).toISOString();
            expect(span.label).toBe(`${reading.slice(0, 10)} ${reading.slice(11, 16)}`);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('by the day: every instant of a bucket reads its date on the zone’s clock', () => {
    fc.assert(
      fc.property(
        ranges.filter((r) => r.bucket === 'day'),
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { maxLength: 10 }),
        (range, where) => {
          for (const span of spansHold(range)) {
            expect(span.end - span.start).toBeGreaterThanOrEqual(22 * HOUR);
            expect(span.end - span.start).toBeLessThanOrEqual(26 * HOUR);
            for (const w of where) {
              const t = span.start + Math.floor(w * (span.end - span.start));
              expect(new Date(wallClock(t, range.tz)).toISOString().slice(0, 10)).toBe(span.label);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the day the clocks go back two 01:00 hours and the day they go forward no 02:00', () => {
    const back = reportSpans({
      from: '2026-11-01',
      to: '2026-11-01',
      tz: 'America/New_York',
      bucket: 'hour',
    });
    expect(back).toHaveLength(25);
    expect(back.slice(1, 3).map((s) => `${s.label}${s.utcOffset}`)).toEqual([
      '2026-11-01 01:00-04:00',
      '2026-11-01 01:00-05:00',
    ]);
    const forward = reportSpans({
      from: '2026-03-08',
      to: '2026-03-08',
      tz: 'America/New_York',
      bucket: 'hour',
    });
    expect(forward).toHaveLength(23);
    expect(forward.map((s) => s.label)).not.toContain('2026-03-08 02:00');
    const days = reportSpans({
      from: '2026-03-08',
      to: '2026-03-09',
      tz: 'America/New_York',
      bucket: 'day',
    });
    expect(
      days.map((s) => [s.label, new Date(s.start).toISOString(), (s.end - s.start) / HOUR]),
    ).toEqual([
      ['2026-03-08', '2026-03-08T05:00:00.000Z', 23],
      ['2026-03-09', '2026-03-09T04:00:00.000Z', 24],
    ]);
  });

  it('starts a day whose midnight is skipped at its first instant (Santiago, 01:00)', () => {
    const [first] = reportSpans({
      from: '2026-09-06',
      to: '2026-09-06',
      tz: 'America/Santiago',
      bucket: 'hour',
    });
    expect(first).toMatchObject({ label: '2026-09-06 01:00', utcOffset: '-03:00' });
    expect(new Date(first!.start).toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('follows half-hour zones and Lord Howe’s half-hour change', () => {
    const kolkata = reportSpans({
      from: '2026-01-01',
      to: '2026-01-01',
      tz: 'Asia/Kolkata',
      bucket: 'hour',
    });
    expect(new Date(kolkata[0]!.start).toISOString()).toBe('2025-12-31T18:30:00.000Z');
    const lordHowe = reportSpans({
      from: '2026-04-05',
      to: '2026-04-05',
      tz: 'Australia/Lord_Howe',
      bucket: 'hour',
    });
    expect(lordHowe.map((s) => `${s.label}${s.utcOffset}`).slice(1, 4)).toEqual([
      '2026-04-05 01:00+11:00',
      '2026-04-05 01:30+10:30',
      '2026-04-05 02:00+10:30',
    ]);
  });
});
