import { useT } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/formats';
import type { CallReport, ReportRow } from '@ringside/contracts/reports';
import { bucketName, formatPercent, formatSeconds } from './report-words';

const CELL = 'px-2 py-1 text-right font-mono tabular-nums';

/** the report's figures, one row per bucket and the whole range's in the footer */
export function ReportTable({ report }: { report: CallReport }) {
  const t = useT();
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[44rem] text-sm">
        <caption className="sr-only">{t('reports.figures')}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs dark:border-slate-700">
            <th scope="col" className="px-2 py-1">
              {report.bucket === 'hour' ? t('reports.hour') : t('reports.day')}
            </th>
            <th scope="col" className="px-2 py-1 text-right">
              {t('reports.col.offered')}
            </th>
            <th scope="col" className="px-2 py-1 text-right">
              {t('reports.col.answered')}
            </th>
            <th scope="col" className="px-2 py-1 text-right">
              {t('reports.col.abandoned')}
            </th>
            <th scope="col" className="px-2 py-1 text-right">
              {t('reports.serviceLevel')}
            </th>
            <th scope="col" className="px-2 py-1 text-right">
              {t('reports.abandonRate')}
            </th>
            <th scope="col" className="px-2 py-1 text-right">
              {t('reports.asa')}
            </th>
            <th scope="col" className="px-2 py-1 text-right">
              {t('reports.aht')}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row, i) => (
            <Row key={row.start} name={bucketName(row, report.rows[i - 1])} row={row} />
          ))}
        </tbody>
        <tfoot className="border-t-2 border-slate-300 font-semibold dark:border-slate-600">
          <Row name={t('reports.total')} row={report.total} />
        </tfoot>
      </table>
    </div>
  );
}

function Row({ name, row }: { name: string; row: ReportRow }) {
  return (
    <tr className="border-b border-slate-100 dark:border-slate-800">
      <th scope="row" className="px-2 py-1 text-left font-medium whitespace-nowrap">
        {name}
      </th>
      <td className={CELL}>{formatNumber(row.offered)}</td>
      <td className={CELL}>{formatNumber(row.answered)}</td>
      <td className={CELL}>{formatNumber(row.abandoned)}</td>
      <td className={CELL}>{formatPercent(row.serviceLevel)}</td>
      <td className={CELL}>{formatPercent(row.abandonRate)}</td>
      <td className={CELL}>{formatSeconds(row.averageSpeedOfAnswerSec)}</td>
      <td className={CELL}>{formatSeconds(row.averageHandleSec)}</td>
    </tr>
  );
}
