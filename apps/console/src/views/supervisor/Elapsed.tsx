import { useNow } from '../../ui/useNow';
import { formatDuration } from '../../ui/format';

/**
 * A ticking `m:ss` since an instant (epoch ms). Only this small element re-renders each second.
 *
 * @example
 * <Elapsed since={Date.parse(call.answeredAt)} label="Talking" />
 */
export function Elapsed({ since, label }: { since: number; label: string }) {
  const now = useNow(1000);
  const text = formatDuration(now - since);
  return (
    <span role="timer" aria-label={`${label} ${text}`} className="font-mono tabular-nums">
      {text}
    </span>
  );
}
