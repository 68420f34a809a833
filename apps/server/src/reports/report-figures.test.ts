import fc from 'fast-check';
import { SERVICE_LEVEL_TARGET_SEC } from '@ringside/contracts/reports';
import { describe, expect, it } from 'vitest';
import { SERVICE_LEVEL_MS } from '../repos/board-figures';
import { addCounts, NO_CALLS, reportRow, type ReportCounts } from './report-figures';

const span = {
  start: Date.parse('2026-11-01T04:00:00Z'),
  end: Date.parse('2026-11-02T05:00:00Z'),
  label: '2026-11-01',
  utcOffset: '-04:00',
};

describe('report figures', () => {
  it('uses the board’s 20 s target', () => {
    expect(SERVICE_LEVEL_TARGET_SEC * 1000).toBe(SERVICE_LEVEL_MS);
  });

  it('computes service level without short abandons, abandon rate over offered, averages over answered', () => {
    const counts: ReportCounts = {
      offered: 10,
      answered: 6,
      answeredInTarget: 4,
      missed: 3,
      abandoned: 2,
      shortAbandoned: 1,
      waitMs: 6 * 9_500,
      talkMs: 6 * 180_000,
      wrapUpMs: 0,
    };
    expect(reportRow(span, counts)).toEqual({
      start: '2026-11-01T04:00:00.000Z',
      end: '2026-11-02T05:00:00.000Z',
      label: '2026-11-01',
      utcOffset: '-04:00',
      ...counts,
      waitMs: undefined,
      talkMs: undefined,
      wrapUpMs: undefined,
      serviceLevel: 0.4444, // 4 of the 9 not abandoned within 5 s
      abandonRate: 0.2,
      averageSpeedOfAnswerSec: 9.5,
      averageHandleSec: 180,
    });
  });

  it('adds wrap-up time to handle time once it is recorded', () => {
    const row = reportRow(span, {
      ...NO_CALLS,
      offered: 2,
      answered: 2,
      talkMs: 200_000,
      wrapUpMs: 60_000,
    });
    expect(row.averageHandleSec).toBe(130);
  });

  it('has no shares or averages with nothing to measure', () => {
    expect(reportRow(span, NO_CALLS)).toMatchObject({
      serviceLevel: null,
      abandonRate: null,
      averageSpeedOfAnswerSec: null,
      averageHandleSec: null,
    });
    // every call offered was a short abandon: no service level, a 100 % abandon rate
    expect(
      reportRow(span, { ...NO_CALLS, offered: 1, missed: 1, abandoned: 1, shortAbandoned: 1 }),
    ).toMatchObject({
      serviceLevel: null,
      abandonRate: 1,
    });
  });

  it('adds counts field by field, in any order', () => {
    const counts = fc.record({
      offered: fc.nat(1000),
      answered: fc.nat(1000),
      answeredInTarget: fc.nat(1000),
      missed: fc.nat(1000),
      abandoned: fc.nat(1000),
      shortAbandoned: fc.nat(1000),
      waitMs: fc.nat(1e9),
      talkMs: fc.nat(1e9),
      wrapUpMs: fc.nat(1e9),
    });
    fc.assert(
      fc.property(fc.array(counts), (all) => {
        const forward = all.reduce(addCounts, NO_CALLS);
        expect([...all].reverse().reduce(addCounts, NO_CALLS)).toEqual(forward);
        expect(forward.offered).toBe(all.reduce((n, c) => n + c.offered, 0));
      }),
    );
  });
});
