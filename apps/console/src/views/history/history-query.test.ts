import { describe, expect, it } from 'vitest';
import {
  callsUrl,
  filtersFromParams,
  filtersToParams,
  rangeProblem,
  type HistoryFilters,
} from './history-query';

const none: HistoryFilters = {
  q: '',
  channel: '',
  outcome: '',
  from: '',
  to: '',
  tag: '',
  cta: '',
};

describe('history filters', () => {
  it('reads the query string, dropping values it does not know', () => {
    expect(
      filtersFromParams(
        new URLSearchParams('q=rahul&channel=fax&outcome=missed&from=2026-01-02&to=soon'),
      ),
    ).toEqual({
      q: 'rahul',
      channel: '',
      outcome: 'missed',
      from: '2026-01-02',
      to: '',
      tag: '',
      cta: '',
    });
  });

  it('filters by the campaign tag and the call button payload, exactly as typed', () => {
    const filters: HistoryFilters = { ...none, tag: 'spring-flyer', cta: 'order 4471' };
    const params = filtersToParams(filters);
    expect(filtersFromParams(params)).toEqual(filters);
    const url = new URL(callsUrl(filters, undefined, 50), 'http://x');
    expect(url.searchParams.get('tag')).toBe('spring-flyer');
    expect(url.searchParams.get('cta')).toBe('order 4471');
  });

  it('writes back only what is set, and reads back the same', () => {
    const filters: HistoryFilters = { ...none, q: 'rahul', channel: 'messenger' };
    const params = filtersToParams(filters);
    expect(params.toString()).toBe('q=rahul&channel=messenger');
    expect(filtersFromParams(params)).toEqual(filters);
  });

  it('asks the server for whole local days', () => {
    const url = new URL(
      callsUrl({ ...none, from: '2026-03-01', to: '2026-03-02' }, undefined, 50),
      'http://x',
    );
    expect(url.searchParams.get('from')).toBe(new Date(2026, 2, 1, 0, 0, 0, 0).toISOString());
    expect(url.searchParams.get('to')).toBe(new Date(2026, 2, 2, 23, 59, 59, 999).toISOString());
  });

  it('builds the list URL with search, filters, page size and cursor', () => {
    expect(callsUrl({ ...none, q: ' rahul ', outcome: 'completed' }, 'abc', 20)).toBe(
      '/api/calls?q=rahul&outcome=completed&limit=20&cursor=abc',
    );
    expect(callsUrl(none, undefined, 50)).toBe('/api/calls?limit=50');
  });

  it('catches a backwards date range', () => {
    expect(rangeProblem({ ...none, from: '2026-03-02', to: '2026-03-01' })).toBeDefined();
    expect(rangeProblem({ ...none, from: '2026-03-01', to: '2026-03-01' })).toBeUndefined();
  });
});

describe('searching what was said', () => {
  it('keeps the words in the URL and sends them to the call log', () => {
    const filters = filtersFromParams(new URLSearchParams('said=order+number'));
    expect(filters.said).toBe('order number');
    expect(filtersToParams(filters).toString()).toBe('said=order+number');
    expect(callsUrl(filters, undefined, 50)).toBe('/api/calls?said=order+number&limit=50');
  });
});
