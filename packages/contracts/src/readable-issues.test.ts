import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatIssuePath, toReadableError } from './readable-issues';

describe('formatIssuePath', () => {
  it('writes indexes in brackets and keys with dots', () => {
    expect(formatIssuePath(['entry', 0, 'changes', 0, 'value', 'calls', 0, 'id'])).toBe(
      'entry[0].changes[0].value.calls[0].id',
    );
  });

  it('quotes keys that are not identifiers, and names the root', () => {
    expect(formatIssuePath(['headers', 'x-hub-signature-256'])).toBe(
      'headers["x-hub-signature-256"]',
    );
    expect(formatIssuePath([0, 'id'])).toBe('[0].id');
    expect(formatIssuePath([])).toBe('(root)');
    expect(formatIssuePath([Symbol('s')])).toBe('["Symbol(s)"]');
  });
});

describe('toReadableError', () => {
  const schema = z.object({
    a: z.string(),
    b: z.number(),
    c: z.boolean(),
    d: z.string(),
    e: z.string(),
  });

  it('lists every problem and keeps the summary to three', () => {
    const error = schema.safeParse({}).error;
    if (!error) throw new Error('expected a failure');
    const readable = toReadableError(error);
    expect(readable.issues.map((i) => i.path)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(readable.summary).toMatch(/^5 problems: a: .*; b: .*; c: .*; and 2 more$/);
  });

  it('says "1 problem" for one', () => {
    const error = schema.safeParse({ a: 'x', b: 1, c: true, d: 'x' }).error;
    if (!error) throw new Error('expected a failure');
    expect(toReadableError(error).summary).toBe(
      '1 problem: e: Invalid input: expected string, received undefined',
    );
  });
});
