import {
  callDetailReplySchema,
  callQualitySchema,
  callsPageReplySchema,
  CALLS_PAGE_MAX,
  type CallDetailReply,
  type CallQuality,
  type CallsPageReply,
  type CallSummary,
} from '@ringside/contracts';
import { isRecord, type ApiResult, type ReadReply } from './http';
import { readWith, segment } from './read-schema';
import type { RestClient } from './rest-client';

/** a call with its timeline, and its last quality when the server sends one */
export interface CallLogDetail {
  call: CallDetailReply;
  quality?: CallQuality;
}

const readPage = readWith(callsPageReplySchema);
const readCall = readWith(callDetailReplySchema);

/**
 * Reads `GET /api/calls/:id`. The contract's detail has no quality yet; a `quality` field the
 * server adds is read too, so the panel shows it without another release.
 *
 * @example
 * readCallLogDetail({ ...detail, quality: { level: 'good', rttMs: 80, jitterMs: 4, lossPct: 0, mos: 4.3 } });
 */
export const readCallLogDetail: ReadReply<CallLogDetail> = (body) => {
  // quality is read on its own, so a malformed one does not cost the whole detail
  const { quality: rawQuality, ...rest } = isRecord(body) ? body : { quality: undefined };
  const call = readCall(isRecord(body) ? rest : body);
  if (!call) return undefined;
  const quality = callQualitySchema.safeParse(rawQuality);
  return quality.success ? { call, quality: quality.data } : { call };
};

/** most pages the "today" figures read: 2,000 calls, plenty for a small contact centre */
export const TODAY_MAX_PAGES = 10;

/**
 * The workspace's call log as supervisors see it (agents get only their own calls).
 *
 * @example
 * const api = new CallLogApi(new RestClient());
 * const page = await api.page('/api/calls?outcome=missed&limit=25');
 */
export class CallLogApi {
  constructor(private readonly rest: RestClient) {}

  /** one page; `url` comes from `callLogUrl` */
  page(url: string): Promise<ApiResult<CallsPageReply>> {
    return this.rest.get(url, readPage);
  }

  detail(callId: string): Promise<ApiResult<CallLogDetail>> {
    return this.rest.get(`/api/calls/${segment(callId)}`, readCallLogDetail);
  }

  /**
   * Every call since `from`, newest first, reading at most {@link TODAY_MAX_PAGES} pages;
   * `complete` is false when there were more.
   */
  async since(from: Date): Promise<ApiResult<{ items: CallSummary[]; complete: boolean }>> {
    const items: CallSummary[] = [];
    let cursor: string | null = null;
    for (let read = 0; read < TODAY_MAX_PAGES; read += 1) {
      const params = new URLSearchParams({
        from: from.toISOString(),
        limit: String(CALLS_PAGE_MAX),
      });
      if (cursor) params.set('cursor', cursor);
      const page = await this.page(`/api/calls?${params.toString()}`);
      if (!page.ok) return page;
      items.push(...page.data.items);
      cursor = page.data.nextCursor;
      if (!cursor) return { ok: true, data: { items, complete: true } };
    }
    return { ok: true, data: { items, complete: false } };
  }
}
