import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../api/http';
import { firstPage, withNextPage, type CursorPage, type CursorPages } from './cursor-pages';

const page = (items: string[], nextCursor: string | null): ApiResult<CursorPage<string>> => ({
  ok: true,
  data: { items, nextCursor },
});
const failed: ApiResult<CursorPage<string>> = {
  ok: false,
  error: { status: 0, code: 'network', message: 'Cannot reach Ringside.' },
};
const asking: CursorPages<string> = {
  state: 'ready',
  items: ['a', 'b'],
  nextCursor: 'c2',
  more: true,
};

describe('cursor pages', () => {
  it('shows the first page, or why it could not be read', () => {
    expect(firstPage(page(['a', 'b'], 'c2'))).toEqual({
      state: 'ready',
      items: ['a', 'b'],
      nextCursor: 'c2',
      more: false,
    });
    expect(firstPage(failed)).toEqual({ state: 'error', message: 'Cannot reach Ringside.' });
  });

  it('adds the next page below the rows and moves on to its cursor', () => {
    expect(withNextPage(asking, page(['c'], null))).toEqual({
      state: 'ready',
      items: ['a', 'b', 'c'],
      nextCursor: null,
      more: false,
    });
  });

  it('keeps the rows and the cursor when the next page fails, so it can be asked for again', () => {
    expect(withNextPage(asking, failed)).toEqual({ ...asking, more: false });
  });

  it('drops a next page that arrives when the list is loading again or failed', () => {
    expect(withNextPage({ state: 'loading' }, page(['c'], null))).toEqual({ state: 'loading' });
    const broken: CursorPages<string> = { state: 'error', message: 'HTTP 500' };
    expect(withNextPage(broken, page(['c'], null))).toBe(broken);
  });
});
