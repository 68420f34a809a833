import { useT } from '../../i18n/I18nProvider';
import type { CallReport } from '@ringside/contracts/reports';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { ReportRequest, ReportsApi } from '../../api/reports-api';
import { Banner } from '../../ui/controls';
import { BarChart } from './BarChart';
import { ReportForm } from './ReportForm';
import { ReportTable } from './ReportTable';
import { addDays, bucketName, dateIn, formatPercent, formatSeconds } from './report-words';

type Loaded =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; report: CallReport };

/** the last 7 days, today included, by the day, in the browser's zone */
export function defaultRequest(now: Date, tz: string): ReportRequest {
  const today = dateIn(now, tz);
  return { from: addDays(today, -6), to: today, tz, bucket: 'day' };
}

/**
 * `/supervisor/reports`: service level, abandon rate, average speed of answer and handle time
 * per hour or day, as charts and a table, with the same rows as a CSV download.
 *
 * @example
 * <ReportsView reports={new ReportsApi(rest)} initial={defaultRequest(new Date(), 'Europe/London')} />
 */
export function ReportsView({ reports, initial }: { reports: ReportsApi; initial: ReportRequest }) {
  const [request, setRequest] = useState(initial);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const t = useT();

  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    void reports.report(request).then((result) => {
      if (!current) return;
      setLoaded(
        result.ok
          ? { state: 'ready', report: result.data }
          : { state: 'error', message: result.error.message },
      );
    });
    return () => {
      current = false;
    };
  }, [reports, request]);

  return (
    <div className="mx-auto max-w-6xl space-y-4 p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-bold">{t('reports.title')}</h1>
        <Link
          to="/supervisor"
          className="text-sm font-semibold text-sky-700 underline dark:text-sky-300"
        >
          {t('sup.title')}
        </Link>
      </div>
      <ReportForm value={request} onApply={setRequest} />
      {loaded.state === 'loading' ? (
        <p role="status" className="text-sm">
          {t('reports.loading')}
        </p>
      ) : loaded.state === 'error' ? (
        <Banner kind="error" title={t('reports.loadFailed')}>
          {loaded.message}
        </Banner>
      ) : (
        <Figures report={loaded.report} csvUrl={reports.csvUrl(request)} />
      )}
    </div>
  );
}

function Figures({ report, csvUrl }: { report: CallReport; csvUrl: string }) {
  const t = useT();
  const bars = (read: (row: CallReport['rows'][number]) => number | null) =>
    report.rows.map((row, i) => ({ name: bucketName(row, report.rows[i - 1]), value: read(row) }));
  return (
    <section aria-label={t('reports.figures')} className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm">
          {t('reports.offered', {
            count: report.total.offered,
            from: report.from,
            to: report.to,
            tz: report.tz,
          })}
        </p>
        <a
          href={csvUrl}
          download
          className="text-sm font-semibold text-sky-700 underline dark:text-sky-300"
        >
          {t('reports.csv')}
        </a>
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <BarChart
          title={t('reports.serviceLevel')}
          bars={bars((r) => r.serviceLevel)}
          max={1}
          format={formatPercent}
        />
        <BarChart
          title={t('reports.abandonRate')}
          bars={bars((r) => r.abandonRate)}
          max={1}
          format={formatPercent}
        />
        <BarChart
          title={t('reports.asa')}
          bars={bars((r) => r.averageSpeedOfAnswerSec)}
          format={formatSeconds}
        />
        <BarChart
          title={t('reports.aht')}
          bars={bars((r) => r.averageHandleSec)}
          format={formatSeconds}
        />
      </div>
      <ReportTable report={report} />
      <Definitions report={report} />
    </section>
  );
}

function Definitions({ report }: { report: CallReport }) {
  const t = useT();
  return (
    <details className="text-sm text-slate-700 dark:text-slate-300">
      <summary className="cursor-pointer font-semibold">{t('reports.how')}</summary>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>{t('reports.def.ended', { tz: report.tz })}</li>
        <li>
          {t('reports.def.serviceLevel', {
            target: report.serviceLevelTargetSec,
            short: report.shortAbandonSec,
          })}
        </li>
        <li>{t('reports.def.abandon')}</li>
        <li>{t('reports.def.asa')}</li>
        <li>
          {report.handleTimeIncludesWrapUp
            ? t('reports.def.ahtWithWrapUp')
            : t('reports.def.ahtTalkOnly')}
        </li>
      </ul>
    </details>
  );
}
