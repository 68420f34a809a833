import type { Callback } from '@ringside/contracts';
import { useCallback, useEffect, useState } from 'react';
import type { CallbacksApi } from '../../api/callbacks-api';

/** the worklist is read again this often: claims by colleagues and new misses show within it */
export const CALLBACKS_POLL_MS = 15_000;

export interface CallbacksState {
  items: readonly Callback[] | null;
  /** the last read or action failed: words to show */
  problem: string | null;
  refresh: () => Promise<void>;
  /** runs claim/release/done, shows its failure (a colleague's claim: who), then reads again */
  act: (action: 'claim' | 'release' | 'done', callId: string) => Promise<void>;
}

/**
 * The agent's callback worklist, polled every {@link CALLBACKS_POLL_MS} and read again at once
 * after the agent's own actions and whenever `changedWith` changes (their call ended).
 *
 * @example
 * const { items, act } = useCallbacks(api, currentCallId);
 */
export function useCallbacks(api: CallbacksApi, changedWith: unknown): CallbacksState {
  const [items, setItems] = useState<readonly Callback[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const reply = await api.list();
    if (reply.ok) setItems(reply.data.items);
    else setProblem(reply.error.message);
  }, [api]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), CALLBACKS_POLL_MS);
    return () => clearInterval(timer);
  }, [refresh, changedWith]);

  const act = useCallback(
    async (action: 'claim' | 'release' | 'done', callId: string) => {
      const reply = await api[action](callId);
      setProblem(reply.ok ? null : reply.error.message);
      await refresh();
    },
    [api, refresh],
  );

  return { items, problem, refresh, act };
}
