import type { CallReport, ReportRow } from '@ringside/contracts/reports';
import { bucketName, formatPercent, formatSeconds } from './report-words';

const CELL = 'px-2 py-1 text-right font-mono tabular-nums';

/** the report's figures, one row per bucket and the whole range's in the footer */
export function ReportTable({ report }: { report: CallReport }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[44rem] text-sm">
        <caption className="sr-only">Report figures</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs dark:border-slate-700">
            <th scope="col" className="px-2 py-1">
              {report.bucket === 'hour' ? 'Hour' : 'Day'}
            </th>
            <th scope="col" className="px-2 py-1 text-right">
              Offered
            </th>
            <th scope="col" className="px-2 py-1 text-right">
              Answered
            </th>
            <th scope="col" className="px-2 py-1 text-right">
              Abandoned
            </th>
            <th scope="col" className="px-2 py-1 text-right">
              Service level
            </th>
            <th scope="col" className="px-2 py-1 text-right">
              Abandon rate
            </th>
            <th scope="col" className="px-2 py-1 text-right">
              Average speed of answer
            </th>
            <th scope="col" className="px-2 py-1 text-right">
              Average handle time
            </th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row, i) => (
            <Row key={row.start} name={bucketName(row, report.rows[i - 1])} row={row} />
          ))}
        </tbody>
        <tfoot className="border-t-2 border-slate-300 font-semibold dark:border-slate-600">
          <Row name="Total" row={report.total} />
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
      <td className={CELL}>{row.offered}</td>
      <td className={CELL}>{row.answered}</td>
      <td className={CELL}>{row.abandoned}</td>
      <td className={CELL}>{formatPercent(row.serviceLevel)}</td>
      <td className={CELL}>{formatPercent(row.abandonRate)}</td>
      <td className={CELL}>{formatSeconds(row.averageSpeedOfAnswerSec)}</td>
      <td className={CELL}>{formatSeconds(row.averageHandleSec)}</td>
    </tr>
  );
}
