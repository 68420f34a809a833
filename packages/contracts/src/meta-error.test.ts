import { describe, expect, it } from 'vitest';
import { describeMetaError, META_ERROR_CODES, metaErrorEnvelopeSchema } from './meta-error';

describe('META_ERROR_CODES', () => {
  it('covers every code the spec lists, each with a plain meaning', () => {
    const listed = [
      100, 190, 613, 131009, 131030, 131044, 131055, 138000, 138001, 138002, 138003, 138004, 138005,
      138006, 138007, 138009, 138012, 138013, 138014, 138015, 138017, 138018, 138019, 138020,
      138021, 138022, 138023,
      // permission requests: the window closed, and the template (User call permissions)
      131047, 132000, 132001,
    ];
    const byValue = (a: number, b: number) => a - b;
    expect(Object.keys(META_ERROR_CODES).map(Number).sort(byValue)).toEqual(
      [...listed].sort(byValue),
    );
    for (const code of listed) {
      const info = META_ERROR_CODES[code];
      expect(info?.meaning.length, String(code)).toBeGreaterThan(10);
      expect(info?.name, String(code)).toMatch(/^[a-z0-9_]+$/);
    }
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(META_ERROR_CODES)).toBe(true);
    expect(Object.isFrozen(META_ERROR_CODES[138004])).toBe(true);
  });
});

describe('describeMetaError', () => {
  it('marks 138004 (connection error) retryable and 138006 (no permission) not', () => {
    expect(describeMetaError(138004)).toMatchObject({ code: 138004, retryable: true });
    expect(describeMetaError(138006)).toMatchObject({
      code: 138006,
      name: 'no_call_permission',
      retryable: false,
    });
    expect(describeMetaError(138006).meaning).toMatch(/permission/);
  });

  it('never retries 138007 (our SDP was not applied in time), even at the HTTP 500 Meta sends it with', () => {
    expect(describeMetaError(138007, 500)).toMatchObject({ code: 138007, retryable: false });
    // other codes at 500 or 429 still are
    expect(describeMetaError(138002, 429).retryable).toBe(true);
    expect(describeMetaError(613, 429).retryable).toBe(true);
    expect(describeMetaError(1, 500).retryable).toBe(true);
  });

  it('explains a media timeout from a terminate webhook', () => {
    expect(describeMetaError(138021).meaning).toMatch(/audio/i);
  });

  it('gives unknown codes a generic meaning naming the code, not retryable', () => {
    const unknown = describeMetaError(999999);
    expect(unknown).toMatchObject({ code: 999999, name: 'unknown', retryable: false });
    expect(unknown.meaning).toContain('999999');
  });

  it('treats HTTP 5xx and 429 as retryable whatever the code', () => {
    expect(describeMetaError(999999, 503).retryable).toBe(true);
    expect(describeMetaError(1, 500).retryable).toBe(true);
    expect(describeMetaError(138006, 429).retryable).toBe(true);
    expect(describeMetaError(138006, 400).retryable).toBe(false);
    expect(describeMetaError(999999, 404).retryable).toBe(false);
  });
});

describe('metaErrorEnvelopeSchema', () => {
  it('reads Meta’s error body with its details', () => {
    const body = {
      error: {
        message: '(#138006) No approved call permission',
        type: 'OAuthException',
        code: 138006,
        error_data: { details: 'No call permission for this user' },
        fbtrace_id: 'AbC',
      },
    };
    const parsed = metaErrorEnvelopeSchema.parse(body);
    expect(parsed.error.code).toBe(138006);
    expect(parsed.error.fbtrace_id).toBe('AbC');
  });

  it('reads error_data given as a bare string as its details', () => {
    const parsed = metaErrorEnvelopeSchema.parse({
      error: { message: 'Invalid parameter', code: 100, error_data: 'SDP has no audio m-line' },
    });
    expect(parsed.error.error_data?.details).toBe('SDP has no audio m-line');
  });

  it('refuses a body without a numeric code', () => {
    expect(metaErrorEnvelopeSchema.safeParse({ error: { message: 'x' } }).success).toBe(false);
    expect(
      metaErrorEnvelopeSchema.safeParse({ error: { message: 'x', code: '100' } }).success,
    ).toBe(false);
  });
});
