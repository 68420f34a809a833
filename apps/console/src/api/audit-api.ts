import { auditPageReplySchema, type AuditPageReply } from '@ringside/contracts';
import type { ApiResult } from './http';
import { readWith } from './read-schema';
import type { RestClient } from './rest-client';

const readPage = readWith(auditPageReplySchema);

/** audit entries one page asks for */
export const AUDIT_PAGE = 50;

/**
 * `GET /api/admin/audit`: the workspace's admin changes, newest first (never secret values).
 *
 * @example
 * const page = await new AuditApi(new RestClient()).page();
 * if (page.ok) show(page.data.items);
 */
export class AuditApi {
  constructor(private readonly rest: RestClient) {}

  page(cursor?: string): Promise<ApiResult<AuditPageReply>> {
    const params = new URLSearchParams({ limit: String(AUDIT_PAGE) });
    if (cursor) params.set('cursor', cursor);
    return this.rest.get(`/api/admin/audit?${params.toString()}`, readPage);
  }
}
