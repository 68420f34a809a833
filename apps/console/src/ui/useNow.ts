import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `intervalMs` while the component is mounted: for timers.
 * Only the small component showing a timer should use it, so the rest does not re-render.
 *
 * @example
 * const now = useNow(1000);
 * return <span>{formatDuration(now - startedAt)}</span>;
 */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
