import { describe, expect, it } from 'vitest';
import { callOutcomeSchema, e164Schema, isoDateTimeSchema, toE164 } from './call-outcome';

describe('toE164', () => {
  it('adds the plus Meta leaves out', () => {
    expect(toE164('919129950000')).toBe('+919129950000');
  });

  it('strips the spaces, dashes and brackets people type', () => {
    expect(toE164('+44 20 7946-0000')).toBe('+442079460000');
    expect(toE164('1 (415) 555-0100')).toBe('+14155550100');
  });

  it('gives undefined for PSIDs-with-letters, leading zeros and too-short numbers', () => {
    expect(toE164('c_5275811702471834')).toBeUndefined();
    expect(toE164('0044207946')).toBeUndefined();
    expect(toE164('12345')).toBeUndefined();
    expect(toE164('')).toBeUndefined();
  });
});

describe('shared enums and formats', () => {
  it('knows the six outcomes and no others', () => {
    expect(callOutcomeSchema.options).toEqual([
      'completed',
      'missed',
      'declined',
      'rejected',
      'no-answer',
      'failed',
    ]);
    expect(callOutcomeSchema.safeParse('busy').success).toBe(false);
  });

  it('requires the plus on E.164 numbers', () => {
    expect(e164Schema.safeParse('+919129950000').success).toBe(true);
    expect(e164Schema.safeParse('919129950000').success).toBe(false);
  });

  it('accepts ISO instants with Z or an offset, not bare dates or local times', () => {
    expect(isoDateTimeSchema.safeParse('2025-07-21T16:27:13Z').success).toBe(true);
    expect(isoDateTimeSchema.safeParse('2025-07-21T21:57:13+05:30').success).toBe(true);
    expect(isoDateTimeSchema.safeParse('2025-07-21').success).toBe(false);
    expect(isoDateTimeSchema.safeParse('2025-07-21 16:27').success).toBe(false);
  });
});
