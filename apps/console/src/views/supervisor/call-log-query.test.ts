import { describe, expect, it } from 'vitest';
import {
  callLogUrl,
  exportCsvUrl,
  logFiltersFromParams,
  logFiltersToParams,
  NO_LOG_FILTERS,
} from './call-log-query';

describe('call log filters', () => {
  it('reads the agent beside the history filters, dropping a malformed one', () => {
    expect(logFiltersFromParams(new URLSearchParams('outcome=missed&agent=u_1'))).toEqual({
      ...NO_LOG_FILTERS,
      outcome: 'missed',
      agent: 'u_1',
    });
    expect(logFiltersFromParams(new URLSearchParams('agent=a/../b')).agent).toBe('');
  });

  it('writes back what is set and reads back the same', () => {
    const filters = { ...NO_LOG_FILTERS, q: 'rahul', channel: 'messenger' as const, agent: 'u_1' };
    const params = logFiltersToParams(filters);
    expect(params.toString()).toBe('q=rahul&channel=messenger&agent=u_1');
    expect(logFiltersFromParams(params)).toEqual(filters);
  });

  it('asks for one page with the agent and cursor', () => {
    expect(callLogUrl({ ...NO_LOG_FILTERS, agent: 'u_1' }, 'c2')).toBe(
      '/api/calls?agent=u_1&limit=25&cursor=c2',
    );
    expect(callLogUrl(NO_LOG_FILTERS)).toBe('/api/calls?limit=25');
  });

  it('exports what the filters match, local days included, without paging', () => {
    expect(exportCsvUrl(NO_LOG_FILTERS)).toBe('/api/calls/export.csv');
    const url = new URL(
      exportCsvUrl({ ...NO_LOG_FILTERS, outcome: 'missed', from: '2026-03-01', to: '2026-03-02' }),
      'http://x',
    );
    expect(url.pathname).toBe('/api/calls/export.csv');
    expect(url.searchParams.get('outcome')).toBe('missed');
    expect(url.searchParams.get('from')).toBe(new Date(2026, 2, 1).toISOString());
    expect(url.searchParams.get('to')).toBe(new Date(2026, 2, 2, 23, 59, 59, 999).toISOString());
    expect(url.searchParams.has('limit')).toBe(false);
    expect(url.searchParams.has('cursor')).toBe(false);
  });
});
