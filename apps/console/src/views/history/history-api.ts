import {
  callDetailReplySchema,
  callsPageReplySchema,
  type CallDetailReply,
  type CallsPageReply,
} from '@ringside/contracts';
import type { ApiResult, HttpClient } from '../../api/http';
import { callsUrl, type HistoryFilters } from './history-query';

/** page size of the history list */
export const HISTORY_PAGE = 50;

// loaded with the history page only, so the contracts' zod schemas stay out of the first load
const readPage = (body: unknown): CallsPageReply | undefined => {
  const parsed = callsPageReplySchema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
};
const readDetail = (body: unknown): CallDetailReply | undefined => {
  const parsed = callDetailReplySchema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
};

/**
 * The call log for the history page.
 *
 * @example
 * const page = await listCalls(http, filters);
 * if (page.ok) show(page.data.items);
 */
export function listCalls(
  http: HttpClient,
  filters: HistoryFilters,
  cursor?: string,
): Promise<ApiResult<CallsPageReply>> {
  return http.get(callsUrl(filters, cursor, HISTORY_PAGE), readPage);
}

/**
 * One call with its notes and timeline.
 *
 * @example
 * const detail = await getCall(http, 'call_1');
 */
export function getCall(http: HttpClient, callId: string): Promise<ApiResult<CallDetailReply>> {
  return http.get(`/api/calls/${encodeURIComponent(callId)}`, readDetail);
}
