import { useMicActivity } from '../../app/setup-hooks';

const SEGMENTS = 20;

/**
 * A level meter for the agent's microphone: a bar in segments, and for assistive technology a
 * `meter` (0–100) whose text says whether they are heard speaking.
 *
 * @example
 * <MicMeter label="Your microphone level" />
 */
export function MicMeter({ label, dimmed = false }: { label: string; dimmed?: boolean }) {
  const level = useMicActivity((a) => a.level);
  const speaking = useMicActivity((a) => a.speaking);
  const lit = Math.round(level * SEGMENTS);
  const percent = Math.round(level * 100);
  return (
    <div className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
      <span aria-hidden="true">{label}</span>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={speaking ? `${percent}: speaking` : `${percent}: quiet`}
        className="flex h-3 flex-1 gap-px"
      >
        {Array.from({ length: SEGMENTS }, (_, i) => (
          <span
            key={i}
            className={`flex-1 rounded-sm ${
              i < lit
                ? dimmed
                  ? 'bg-slate-400'
                  : i >= SEGMENTS - 3
                    ? 'bg-rose-500'
                    : i >= SEGMENTS - 7
                      ? 'bg-amber-400'
                      : 'bg-emerald-500'
                : 'bg-slate-200 dark:bg-slate-700'
            }`}
          />
        ))}
      </div>
    </div>
  );
}
