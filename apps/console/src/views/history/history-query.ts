import { t } from '../../i18n/i18n';
import type { CallOutcome, Channel } from '@ringside/contracts';

/** the history page's filters, as the URL keeps them (so a filtered view can be shared) */
export interface HistoryFilters {
  q: string;
  channel: '' | Channel;
  outcome: '' | CallOutcome;
  /** local dates, `yyyy-mm-dd`, as date inputs give them */
  from: string;
  to: string;
  /** the call link's tag (`deeplink_payload`), exactly */
  tag: string;
  /** the call button's `cta_payload`, exactly */
  cta: string;
  /** words said in the call (its transcript by Meta) */
  said?: string;
}

const CHANNELS: readonly Channel[] = ['whatsapp', 'messenger'];
const OUTCOMES: readonly CallOutcome[] = [
  'completed',
  'missed',
  'declined',
  'rejected',
  'no-answer',
  'failed',
];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads filters from the page's query string; unknown values are dropped.
 *
 * @example
 * filtersFromParams(new URLSearchParams('q=rahul&channel=fax')); // { q: 'rahul', channel: '', … }
 */
export function filtersFromParams(params: URLSearchParams): HistoryFilters {
  const channel = params.get('channel') ?? '';
  const outcome = params.get('outcome') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const said = (params.get('said') ?? '').slice(0, 200);
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    channel: CHANNELS.includes(channel as Channel) ? (channel as Channel) : '',
    outcome: OUTCOMES.includes(outcome as CallOutcome) ? (outcome as CallOutcome) : '',
    from: DATE.test(from) ? from : '',
    to: DATE.test(to) ? to : '',
    tag: (params.get('tag') ?? '').slice(0, 512),
    cta: (params.get('cta') ?? '').slice(0, 512),
    ...(said ? { said } : {}),
  };
}

/**
 * Writes filters back to a query string, leaving out empty ones.
 *
 * @example
 * filtersToParams({ q: 'rahul', channel: '', outcome: 'missed', from: '', to: '', tag: '', cta: '' }).toString(); // 'q=rahul&outcome=missed'
 */
export function filtersToParams(filters: HistoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['q', 'channel', 'outcome', 'from', 'to', 'tag', 'cta', 'said'] as const) {
    const value = (filters[key] ?? '').trim();
    if (value) params.set(key, value);
  }
  return params;
}

/** page size of the history list */
export const HISTORY_PAGE = 50;

/**
 * The `GET /api/calls` URL for the filters. Dates are the agent's local days: `from` starts at
 * local midnight and `to` runs to the end of its day, sent as UTC instants.
 *
 * @example
 * callsUrl({ q: 'rahul', channel: 'whatsapp', outcome: '', from: '', to: '', tag: '', cta: '' }, undefined, 50);
 * // '/api/calls?q=rahul&channel=whatsapp&limit=50'
 */
export function callsUrl(
  filters: HistoryFilters,
  cursor: string | undefined,
  limit: number,
): string {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.channel) params.set('channel', filters.channel);
  if (filters.outcome) params.set('outcome', filters.outcome);
  if (filters.tag.trim()) params.set('tag', filters.tag.trim());
  if (filters.cta.trim()) params.set('cta', filters.cta.trim());
  if (filters.said?.trim()) params.set('said', filters.said.trim());
  const from = localDayBound(filters.from, 'start');
  const to = localDayBound(filters.to, 'end');
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  params.set('limit', String(limit));
  if (cursor) params.set('cursor', cursor);
  return `/api/calls?${params.toString()}`;
}

/**
 * Whether the date range is backwards (the server refuses it).
 *
 * @example
 * rangeProblem({ ...filters, from: '2025-07-02', to: '2025-07-01' }); // 'The “From” date is after the “To” date.'
 */
export function rangeProblem(filters: HistoryFilters): string | undefined {
  if (filters.from && filters.to && filters.from > filters.to) {
    return t('filters.rangeProblem');
  }
  return undefined;
}

function localDayBound(day: string, edge: 'start' | 'end'): string | undefined {
  if (!DATE.test(day)) return undefined;
  const [year, month, date] = day.split('-').map(Number);
  if (year === undefined || month === undefined || date === undefined) return undefined;
  const at =
    edge === 'start'
      ? new Date(year, month - 1, date, 0, 0, 0, 0)
      : new Date(year, month - 1, date, 23, 59, 59, 999);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}
