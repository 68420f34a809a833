import type { ReportRow } from '@ringside/contracts/reports';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../testing/parse-csv';
import { REPORT_CSV_COLUMNS, reportCsv } from './report-csv';

const row = (over: Partial<ReportRow>): ReportRow => ({
  start: '2026-11-01T05:00:00.000Z',
  end: '2026-11-01T06:00:00.000Z',
  label: '2026-11-01 01:00',
  utcOffset: '-04:00',
  offered: 4,
  answered: 3,
  answeredInTarget: 2,
  missed: 1,
  abandoned: 1,
  shortAbandoned: 0,
  serviceLevel: 0.5,
  abandonRate: 0.25,
  averageSpeedOfAnswerSec: 12.3,
  averageHandleSec: 95,
  ...over,
});

describe('report CSV', () => {
  it('writes a header and one line per bucket, a repeated hour told apart by its offset', () => {
    const csv = reportCsv({
      rows: [
        row({}),
        row({
          start: '2026-11-01T06:00:00.000Z',
          end: '2026-11-01T07:00:00.000Z',
          utcOffset: '-05:00',
          offered: 0,
          answered: 0,
          answeredInTarget: 0,
          missed: 0,
          abandoned: 0,
          serviceLevel: null,
          abandonRate: null,
          averageSpeedOfAnswerSec: null,
          averageHandleSec: null,
        }),
      ],
    });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, first, second] = parseCsv(csv.slice(1));
    expect(header).toEqual([...REPORT_CSV_COLUMNS]);
    expect(first).toEqual([
      '2026-11-01 01:00',
      '2026-11-01T01:00:00-04:00',
      '2026-11-01T05:00:00.000Z',
      '2026-11-01T06:00:00.000Z',
      '4',
      '3',
      '2',
      '1',
      '1',
      '0',
      '0.5',
      '0.25',
      '12.3',
      '95',
    ]);
    expect(second?.slice(0, 2)).toEqual(['2026-11-01 01:00', '2026-11-01T01:00:00-05:00']);
    // nothing to measure: empty fields, not zeros
    expect(second?.slice(10)).toEqual(['', '', '', '']);
  });

  it('defuses a label a spreadsheet would run', () => {
    const csv = reportCsv({ rows: [row({ label: '=HYPERLINK("x")' })] });
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
