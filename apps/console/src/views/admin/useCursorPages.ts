import { useEffect, useRef, useState } from 'react';
import type { ApiResult } from '../../api/http';
import { firstPage, withNextPage, type CursorPage, type CursorPages } from './cursor-pages';

const LOADING = { state: 'loading' } as const;

/**
 * Reads a list page by page: the first page whenever `key` changes (showing "loading" for a new
 * key) or `round` changes (keeping the rows on screen until the new first page arrives), and the
 * next one on `loadMore`. Replies that arrive after a newer load are ignored.
 *
 * @example
 * const [log, loadMore] = useCursorPages((cursor) => api.deliveries(id, cursor), id);
 * if (log.state === 'ready' && log.nextCursor) <Button onClick={loadMore}>Load more</Button>;
 */
export function useCursorPages<T>(
  load: (cursor?: string) => Promise<ApiResult<CursorPage<T>>>,
  key: string,
  round = 0,
): [CursorPages<T>, () => void] {
  const [held, setHeld] = useState<{ key: string; value: CursorPages<T> }>({ key, value: LOADING });
  // counts first-page loads, so a next page asked for before one is dropped
  const loads = useRef(0);

  useEffect(() => {
    let live = true;
    loads.current += 1;
    void load().then((result) => {
      if (live) setHeld({ key, value: firstPage(result) });
    });
    return () => {
      live = false;
    };
    // `load` is a fresh closure every render: the key and the round say when it means something new
  }, [key, round]);

  const pages = held.key === key ? held.value : LOADING;
  const loadMore = () => {
    if (pages.state !== 'ready' || pages.more || !pages.nextCursor) return;
    const asked = loads.current;
    setHeld({ key, value: { ...pages, more: true } });
    void load(pages.nextCursor).then((result) => {
      if (loads.current === asked) {
        setHeld((current) => ({ key: current.key, value: withNextPage(current.value, result) }));
      }
    });
  };
  return [pages, loadMore];
}
