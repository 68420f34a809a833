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
        <h1 className="text-xl font-bold">Reports</h1>
        <Link
          to="/supervisor"
          className="text-sm font-semibold text-sky-700 underline dark:text-sky-300"
        >
          Supervisor board
        </Link>
      </div>
      <ReportForm value={request} onApply={setRequest} />
      {loaded.state === 'loading' ? (
        <p role="status" className="text-sm">
          Loading the report…
        </p>
      ) : loaded.state === 'error' ? (
        <Banner kind="error" title="The report could not be loaded">
          {loaded.message}
        </Banner>
      ) : (
        <Figures report={loaded.report} csvUrl={reports.csvUrl(request)} />
      )}
    </div>
  );
}

function Figures({ report, csvUrl }: { report: CallReport; csvUrl: string }) {
  const bars = (read: (row: CallReport['rows'][number]) => number | null) =>
    report.rows.map((row, i) => ({ name: bucketName(row, report.rows[i - 1]), value: read(row) }));
  return (
    <section aria-label="Report figures" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm">
          {report.total.offered} inbound calls offered, {report.from} to {report.to} ({report.tz})
        </p>
        <a
          href={csvUrl}
          download
          className="text-sm font-semibold text-sky-700 underline dark:text-sky-300"
        >
          Download CSV
        </a>
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <BarChart
          title="Service level"
          bars={bars((r) => r.serviceLevel)}
          max={1}
          format={formatPercent}
        />
        <BarChart
          title="Abandon rate"
          bars={bars((r) => r.abandonRate)}
          max={1}
          format={formatPercent}
        />
        <BarChart
          title="Average speed of answer"
          bars={bars((r) => r.averageSpeedOfAnswerSec)}
          format={formatSeconds}
        />
        <BarChart
          title="Average handle time"
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
  return (
    <details className="text-sm text-slate-700 dark:text-slate-300">
      <summary className="cursor-pointer font-semibold">How these are counted</summary>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>
          Inbound calls that have ended, by the hour or day they started ringing in {report.tz}.
        </li>
        <li>
          Service level: calls answered within {report.serviceLevelTargetSec} s of ringing, of the
          calls offered less callers who hung up within {report.shortAbandonSec} s.
        </li>
        <li>Abandon rate: callers who hung up while it rang, of the calls offered.</li>
        <li>Average speed of answer: ringing to answered, over the answered calls.</li>
        <li>
          Average handle time: talk time
          {report.handleTimeIncludesWrapUp
            ? ' plus after-call work'
            : ' only, for now: after-call work is not recorded yet'}
          , over the answered calls.
        </li>
      </ul>
    </details>
  );
}
