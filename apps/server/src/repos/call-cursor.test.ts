import { describe, expect, it } from 'vitest';
import { decodeCallCursor, encodeCallCursor } from './call-cursor';

const id = '0b9c7a52-5d3e-4c1e-9a57-3f1c2b8d9e10';

describe('call cursors', () => {
  it('round-trip the row a page ended on', () => {
    const last = { offeredAt: new Date('2025-07-01T10:00:00.123Z'), id };
    const cursor = encodeCallCursor(last);
    expect(cursor).toMatch(/^[\w-]+$/);
    expect(decodeCallCursor(cursor)).toEqual(last);
  });

  it.each([
    ['empty', ''],
    ['not base64 of ours', 'garbage'],
    ['a bad id', Buffer.from('2025-07-01T10:00:00.000Z|42').toString('base64url')],
    ['a bad date', Buffer.from(`yesterday|${id}`).toString('base64url')],
    ['extra parts', Buffer.from(`2025-07-01T10:00:00.000Z|${id}|x`).toString('base64url')],
    ['a huge value', 'A'.repeat(10_000)],
  ])('reject %s', (_label, cursor) => {
    expect(decodeCallCursor(cursor)).toBeNull();
  });
});
