import { describe, expect, it } from 'vitest';
import { errorFrom } from './http';

describe('errorFrom: field issues', () => {
  it('keeps the server’s issues with the error, and nothing else of them', () => {
    const body = {
      error: {
        code: 'invalid_payload',
        message: 'Meta refused these settings.',
        issues: [{ path: 'calling.call_hours.timezone_id', message: 'unknown', extra: 1 }, 'junk'],
      },
    };
    expect(errorFrom(400, body)).toEqual({
      status: 400,
      code: 'invalid_payload',
      message: 'Meta refused these settings.',
      issues: [{ path: 'calling.call_hours.timezone_id', message: 'unknown' }],
    });
    expect(errorFrom(400, { error: { code: 'x', message: 'y' } })).not.toHaveProperty('issues');
  });
});
