import {
  callsUrl,
  filtersFromParams,
  filtersToParams,
  type HistoryFilters,
} from '../history/history-query';

/** the supervisor's call log filters: the history page's, plus the agent who took the call */
export interface CallLogFilters extends HistoryFilters {
  /** a user id; '' for everyone */
  agent: string;
}

/** rows one page of the supervisor's call log shows */
export const CALL_LOG_PAGE = 25;

const AGENT_ID = /^[\w-]{1,128}$/;

/**
 * Reads the log's filters from the page's query string (shared links keep them).
 *
 * @example
 * logFiltersFromParams(new URLSearchParams('outcome=missed&agent=u_1')); // { …, outcome: 'missed', agent: 'u_1' }
 */
export function logFiltersFromParams(params: URLSearchParams): CallLogFilters {
  const agent = params.get('agent') ?? '';
  return { ...filtersFromParams(params), agent: AGENT_ID.test(agent) ? agent : '' };
}

/**
 * Writes the filters back to a query string, leaving empty ones out.
 *
 * @example
 * logFiltersToParams({ ...NO_LOG_FILTERS, agent: 'u_1' }).toString(); // 'agent=u_1'
 */
export function logFiltersToParams(filters: CallLogFilters): URLSearchParams {
  const params = filtersToParams(filters);
  if (filters.agent) params.set('agent', filters.agent);
  return params;
}

/** no filter at all */
export const NO_LOG_FILTERS: CallLogFilters = {
  q: '',
  channel: '',
  outcome: '',
  from: '',
  to: '',
  tag: '',
  cta: '',
  agent: '',
};

// the history page owns how local days become instants; reuse its query and add the agent
function queryOf(filters: CallLogFilters): URLSearchParams {
  const url = callsUrl(filters, undefined, CALL_LOG_PAGE);
  const params = new URLSearchParams(url.slice(url.indexOf('?') + 1));
  params.delete('limit');
  if (filters.agent) params.set('agent', filters.agent);
  return params;
}

/**
 * `GET /api/calls` for one page of the log.
 *
 * @example
 * callLogUrl({ ...NO_LOG_FILTERS, agent: 'u_1' }, 'c2'); // '/api/calls?agent=u_1&limit=25&cursor=c2'
 */
export function callLogUrl(filters: CallLogFilters, cursor?: string): string {
  const params = queryOf(filters);
  params.set('limit', String(CALL_LOG_PAGE));
  if (cursor) params.set('cursor', cursor);
  return `/api/calls?${params.toString()}`;
}

/**
 * The CSV export of every call the filters match (the server pages through them all).
 *
 * @example
 * exportCsvUrl({ ...NO_LOG_FILTERS, outcome: 'missed' }); // '/api/calls/export.csv?outcome=missed'
 */
export function exportCsvUrl(filters: CallLogFilters): string {
  const query = queryOf(filters).toString();
  return query ? `/api/calls/export.csv?${query}` : '/api/calls/export.csv';
}
