import { describe, expect, it } from 'vitest';
import { at, summary } from '../state/board-testing';
import { CallLogApi, readCallLogDetail, TODAY_MAX_PAGES } from './call-log-api';
import { RestClient } from './rest-client';

function serving(
  pages: (cursor: string | null) => { items: unknown[]; nextCursor: string | null },
) {
  const urls: string[] = [];
  const api = new CallLogApi(
    new RestClient(async (url) => {
      urls.push(url);
      const cursor = new URL(url, 'http://x').searchParams.get('cursor');
      return new Response(JSON.stringify(pages(cursor)), { status: 200 });
    }),
  );
  return { api, urls };
}

describe('CallLogApi.since', () => {
  it('reads every page since the instant', async () => {
    const { api, urls } = serving((cursor) =>
      cursor === null
        ? { items: [summary('a')], nextCursor: 'p2' }
        : { items: [summary('b')], nextCursor: null },
    );
    const today = await api.since(new Date('2026-03-02T00:00:00.000Z'));
    expect(today.ok && today.data.items.map((c) => c.id)).toEqual(['a', 'b']);
    expect(today.ok && today.data.complete).toBe(true);
    const first = new URL(urls[0] ?? '', 'http://x');
    expect(first.searchParams.get('from')).toBe('2026-03-02T00:00:00.000Z');
    expect(first.searchParams.get('limit')).toBe('200');
  });

  it('stops after its page budget and says the figures are partial', async () => {
    let n = 0;
    const { api, urls } = serving(() => ({ items: [summary(`c${n}`)], nextCursor: `p${++n}` }));
    const today = await api.since(new Date(0));
    expect(urls).toHaveLength(TODAY_MAX_PAGES);
    expect(today.ok && today.data.complete).toBe(false);
  });

  it('passes a refusal through', async () => {
    const api = new CallLogApi(new RestClient(async () => new Response('{}', { status: 403 })));
    expect(await api.since(new Date(0))).toMatchObject({ ok: false, error: { status: 403 } });
  });
});

describe('readCallLogDetail', () => {
  const detail = { ...summary('c1', { endedAt: at(60_000) }), events: [] };

  it('reads the call, and its quality when the server sends one', () => {
    const quality = {
      level: 'fair',
      reason: 'high jitter (40 ms)',
      rttMs: 90,
      jitterMs: 40,
      lossPct: 1,
      mos: 3.7,
    };
    expect(readCallLogDetail(detail)).toEqual({ call: detail });
    expect(readCallLogDetail({ ...detail, quality })).toEqual({ call: detail, quality });
    // a malformed quality does not cost the whole detail
    expect(readCallLogDetail({ ...detail, quality: { level: 'great' } })).toEqual({ call: detail });
  });

  it('refuses a reply that is not a call', () => {
    expect(readCallLogDetail({ id: 'c1' })).toBeUndefined();
  });
});
