import type { Channel } from '@ringside/contracts';
import { callReportSchema, type CallReport, type ReportBucket } from '@ringside/contracts/reports';
import type { ApiResult } from './http';
import { readWith } from './read-schema';
import type { RestClient } from './rest-client';

/** what a report is asked for: days in `tz`, both included */
export interface ReportRequest {
  from: string;
  to: string;
  tz: string;
  bucket: ReportBucket;
  channel?: Channel;
}

const readReport = readWith(callReportSchema);

/**
 * The query string of a report request (no channel: every channel).
 *
 * @example
 * reportSearch({ from: '2026-11-01', to: '2026-11-07', tz: 'Europe/London', bucket: 'day' });
 * // 'from=2026-11-01&to=2026-11-07&tz=Europe%2FLondon&bucket=day'
 */
export function reportSearch(request: ReportRequest): string {
  const params = new URLSearchParams({
    from: request.from,
    to: request.to,
    tz: request.tz,
    bucket: request.bucket,
  });
  if (request.channel) params.set('channel', request.channel);
  return params.toString();
}

/**
 * `/api/supervisor/reports`: service level, abandon rate, speed of answer and handle time per
 * hour or day. Supervisors and admins only; agents get 403.
 *
 * @example
 * const api = new ReportsApi(new RestClient());
 * const report = await api.report({ from: '2026-11-01', to: '2026-11-07', tz: 'UTC', bucket: 'day' });
 * <a href={api.csvUrl(request)} download>Download CSV</a>
 */
export class ReportsApi {
  constructor(private readonly rest: RestClient) {}

  report(request: ReportRequest): Promise<ApiResult<CallReport>> {
    return this.rest.get(`/api/supervisor/reports?${reportSearch(request)}`, readReport);
  }

  /** the same rows as CSV, for a link the browser downloads with the session cookie */
  csvUrl(request: ReportRequest): string {
    return `/api/supervisor/reports.csv?${reportSearch(request)}`;
  }
}
