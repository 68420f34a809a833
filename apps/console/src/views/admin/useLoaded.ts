import { useCallback, useEffect, useState } from 'react';
import type { ApiResult } from '../../api/http';

/** what a page section shows while its data loads, failed, or arrived */
export type Loaded<T> =
  { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: T };

const LOADING = { state: 'loading' } as const;

/**
 * Loads data for a section, again whenever `key` changes (showing "loading" for a new key, but
 * keeping what is on screen during a `reload`), and ignores replies that arrive after a newer
 * load. `replace` shows data the page already has, such as a save's reply.
 *
 * @example
 * const [users, reload, replace] = useLoaded(() => api.list(), 'users');
 * if (users.state === 'ready') users.data.map(…);
 */
export function useLoaded<T>(
  load: () => Promise<ApiResult<T>>,
  key: string,
): [Loaded<T>, () => void, (data: T) => void] {
  const [held, setHeld] = useState<{ key: string; value: Loaded<T> }>({ key, value: LOADING });
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    void load().then((result) => {
      if (!live) return;
      setHeld({
        key,
        value: result.ok
          ? { state: 'ready', data: result.data }
          : { state: 'error', message: result.error.message },
      });
    });
    return () => {
      live = false;
    };
    // `load` is a fresh closure every render: the key says when it means something new
  }, [key, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  const replace = useCallback(
    (data: T) => setHeld({ key, value: { state: 'ready', data } }),
    [key],
  );
  return [held.key === key ? held.value : LOADING, reload, replace];
}
