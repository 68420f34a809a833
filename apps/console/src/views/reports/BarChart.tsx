import { useT } from '../../i18n/I18nProvider';
/** one bar: its bucket's name and value (null: nothing measured, no bar) */
export interface Bar {
  name: string;
  value: number | null;
}

const WIDTH = 600;
const HEIGHT = 140;

/**
 * A small bar chart drawn as SVG: one bar per bucket, scaled to the largest value (or `max`),
 * each bar naming its bucket and value on hover. A chart library (uPlot, the smallest that
 * fits, is about 20 KB gzipped) would weigh more than the rest of the report page for four
 * bar charts of at most 168 bars; the figures themselves are in the report's table, which is
 * what screen readers get (the chart is labelled with its title and range only).
 *
 * @example
 * <BarChart title="Service level" bars={[{ name: '09:00', value: 0.8 }]} max={1} format={formatPercent} />
 */
export function BarChart({
  title,
  bars,
  max,
  format,
}: {
  title: string;
  bars: readonly Bar[];
  max?: number;
  format: (value: number | null) => string;
}) {
  const values = bars.map((b) => b.value ?? 0);
  const top = max ?? Math.max(0, ...values);
  const slot = WIDTH / Math.max(1, bars.length);
  const gap = Math.min(2, slot / 4);
  const first = bars[0]?.name ?? '';
  const last = bars.at(-1)?.name ?? '';
  const t = useT();
  return (
    <figure className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <figcaption className="flex items-baseline justify-between gap-2 text-sm font-semibold">
        <span>{title}</span>
        <span className="text-xs font-normal text-slate-600 dark:text-slate-400">
          {t('reports.top', { value: format(top) })}
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        className="mt-2 h-32 w-full text-sky-600 dark:text-sky-400"
        role="img"
        aria-label={t('reports.chartLabel', { title, first, last })}
      >
        <line x1="0" y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} className="stroke-slate-300" />
        {bars.map((bar, i) => {
          if (bar.value === null || top <= 0) return null;
          const height = Math.max(1, (bar.value / top) * (HEIGHT - 4));
          return (
            <rect
              key={`${bar.name}-${i}`}
              x={i * slot + gap / 2}
              y={HEIGHT - height}
              width={Math.max(0.5, slot - gap)}
              height={height}
              fill="currentColor"
            >
              <title>{`${bar.name}: ${format(bar.value)}`}</title>
            </rect>
          );
        })}
      </svg>
      <div className="mt-1 flex justify-between text-xs text-slate-600 dark:text-slate-400">
        <span>{first}</span>
        <span>{last}</span>
      </div>
    </figure>
  );
}
