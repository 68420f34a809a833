import { describe, expect, it } from 'vitest';
import {
  addDays,
  bucketName,
  dateIn,
  formatPercent,
  formatSeconds,
  rangeProblem,
} from './report-words';

describe('report words', () => {
  it('formats shares and seconds, with a dash for nothing measured', () => {
    expect(formatPercent(0.8125)).toBe('81.3 %');
    expect(formatPercent(0.5)).toBe('50 %');
    expect(formatPercent(null)).toBe('—');
    expect(formatSeconds(9.5)).toBe('9.5 s');
    expect(formatSeconds(184)).toBe('3:04');
    expect(formatSeconds(null)).toBe('—');
  });

  it('tells the repeated hour apart by its offset', () => {
    const first = { label: '2026-11-01 01:00', utcOffset: '-04:00' };
    expect(bucketName(first)).toBe('2026-11-01 01:00');
    expect(bucketName({ ...first, utcOffset: '-05:00' }, first)).toBe(
      '2026-11-01 01:00 (UTC-05:00)',
    );
  });

  it('reads today in the chosen zone and moves by days', () => {
    expect(dateIn(new Date('2026-11-01T02:00:00Z'), 'America/New_York')).toBe('2026-10-31');
    expect(dateIn(new Date('2026-11-01T02:00:00Z'), 'Asia/Kolkata')).toBe('2026-11-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('checks the range as the server will', () => {
    expect(rangeProblem('2026-11-01', '2026-11-07', 'hour')).toBeUndefined();
    expect(rangeProblem('2026-11-01', '2026-11-08', 'hour')).toBe(
      'By the hour, a report covers at most 7 days.',
    );
    expect(rangeProblem('2026-01-01', '2026-04-02', 'day')).toBeUndefined();
    expect(rangeProblem('2026-01-01', '2026-04-03', 'day')).toMatch(/92 days/);
    expect(rangeProblem('2026-11-02', '2026-11-01', 'day')).toBe(
      'The start date is after the end date.',
    );
  });
});
