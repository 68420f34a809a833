import type { QualityLevel } from '@ringside/contracts';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/i18n';
import type { QualityState, QualityWarning } from '../../state/types';

const LEVEL_STYLE: Record<QualityLevel, string> = {
  good: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100',
  fair: 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100',
  poor: 'bg-rose-100 text-rose-900 dark:bg-rose-900/60 dark:text-rose-100',
};

const LEVEL_NAME: Record<QualityLevel, MessageKey> = {
  good: 'quality.good',
  fair: 'quality.fair',
  poor: 'quality.poor',
};

const WARNING_TEXT: Record<QualityWarning, MessageKey> = {
  'high-rtt': 'quality.warn.highRtt',
  'high-jitter': 'quality.warn.highJitter',
  'high-packet-loss': 'quality.warn.highLoss',
  'low-mos': 'quality.warn.lowMos',
  'no-audio-received': 'quality.warn.noAudioReceived',
  'no-audio-sent': 'quality.warn.noAudioSent',
};

/** live quality: good / fair / poor with the reason, the figures, and any warnings */
export function QualityIndicator({ quality }: { quality: QualityState | undefined }) {
  const t = useT();
  if (!quality) {
    return <p className="text-sm text-slate-600 dark:text-slate-300">{t('quality.measuring')}</p>;
  }
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span className={`rounded-full px-2 py-0.5 font-semibold ${LEVEL_STYLE[quality.level]}`}>
          {t('quality.label', { level: t(LEVEL_NAME[quality.level]) })}
        </span>
        {quality.reason ? (
          <span className="text-slate-700 dark:text-slate-200">{quality.reason}</span>
        ) : null}
      </p>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs text-slate-600 sm:grid-cols-4 dark:text-slate-300">
        <Figure term={t('quality.rtt')} value={`${Math.round(quality.rttMs)} ms`} />
        <Figure term={t('quality.jitter')} value={`${quality.jitterMs.toFixed(1)} ms`} />
        <Figure term={t('quality.loss')} value={`${quality.lossPct.toFixed(1)} %`} />
        <Figure term={t('quality.mos')} value={quality.mos.toFixed(1)} />
      </dl>
      {quality.warnings.length > 0 ? (
        <ul
          role="status"
          className="list-disc space-y-0.5 pl-5 text-sm text-amber-800 dark:text-amber-200"
        >
          {quality.warnings.map((warning) => (
            <li key={warning}>{t(WARNING_TEXT[warning])}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Figure({ term, value }: { term: string; value: string }) {
  return (
    <div className="flex gap-1">
      <dt>{term}</dt>
      <dd className="font-mono font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
