import type { ApiResult } from '../../api/http';

/** one page of a list the server hands out by cursor; `nextCursor` is `null` on the last page */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** a list read page by page ("Load more"): loading, failed, or the rows so far */
export type CursorPages<T> =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | {
      state: 'ready';
      items: T[];
      nextCursor: string | null;
      /** the next page is on its way */
      more: boolean;
    };

/**
 * The list as its first page leaves it.
 *
 * @example
 * firstPage({ ok: true, data: { items: [a], nextCursor: 'c2' } });
 * // { state: 'ready', items: [a], nextCursor: 'c2', more: false }
 */
export function firstPage<T>(result: ApiResult<CursorPage<T>>): CursorPages<T> {
  return result.ok
    ? { state: 'ready', items: result.data.items, nextCursor: result.data.nextCursor, more: false }
    : { state: 'error', message: result.error.message };
}

/**
 * The list with the next page added below. A page that failed leaves the rows as they were, so
 * "Load more" can be tried again; one that arrives when the list is no longer shown is dropped.
 *
 * @example
 * withNextPage(pages, { ok: true, data: { items: [c], nextCursor: null } });
 * // { state: 'ready', items: [a, b, c], nextCursor: null, more: false }
 */
export function withNextPage<T>(
  current: CursorPages<T>,
  result: ApiResult<CursorPage<T>>,
): CursorPages<T> {
  if (current.state !== 'ready') return current;
  if (!result.ok) return { ...current, more: false };
  return {
    state: 'ready',
    items: [...current.items, ...result.data.items],
    nextCursor: result.data.nextCursor,
    more: false,
  };
}
