import {
  CALLS_PAGE_DEFAULT,
  CALLS_PAGE_MAX,
  type CallOutcome,
  type Channel,
} from '@ringside/contracts';
import { and, desc, eq, gte, ilike, inArray, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { getTableColumns } from 'drizzle-orm';
import type { Db } from '../db/database';
import { callLinks, callMedia, calls, users } from '../db/schema';
import { decodeCallCursor, encodeCallCursor } from './call-cursor';
import { isUuid } from './ids';

/** One call log row: the call without its model (SDP and internals), with the agent's name. */
export type CallSummaryRow = Omit<typeof calls.$inferSelect, 'model'> & {
  agentName: string | null;
  /** the label of the number's call link whose tag is the call's `deeplink_payload` */
  linkLabel?: string | null;
};

/** Call log filters; every one optional. */
export interface CallListFilters {
  /** whatsapp or messenger */
  channel?: Channel | undefined;
  /** one channel (number or Page) */
  channelId?: string | undefined;
  outcome?: CallOutcome | undefined;
  /** the agent's user id */
  agent?: string | undefined;
  /**
   * what an agent may see: the calls they took, plus the calls nobody took (`missed`) on the
   * channels they answer, so any agent of a line can call the customer back
   */
  seenBy?: AgentScope | undefined;
  /** calls from the call link with this tag (`deeplink_payload`), exactly */
  tag?: string | undefined;
  /** calls from a call button with this `cta_payload`, exactly */
  cta?: string | undefined;
  /** part of the customer's name or number, any case; spaces, dashes and `+` are ignored */
  q?: string | undefined;
  /** part of the call's stored transcript, any case, matched literally */
  said?: string | undefined;
  /** calls that started at or after this instant */
  from?: Date | undefined;
  /** calls that started at or before this instant */
  to?: Date | undefined;
  /** page size, 1…{@link CALLS_PAGE_MAX}; default {@link CALLS_PAGE_DEFAULT} */
  limit?: number | undefined;
  /** `nextCursor` of the previous page */
  cursor?: string | undefined;
}

/** An agent and the channels they answer (the ringing rule), for {@link CallListFilters.seenBy}. */
export interface AgentScope {
  agentId: string;
  answeredChannelIds: readonly string[];
}

export type CallListResult =
  | { ok: true; items: CallSummaryRow[]; nextCursor: string | null }
  | { ok: false; error: { code: 'invalid_cursor'; message: string } };

const { model: _model, ...summaryColumns } = getTableColumns(calls);

/**
 * The call log: newest first, keyset-paged on (start, id) so pages stay stable while new calls
 * arrive. Tombstones (a terminate whose connect never came) are not calls anyone saw: left out.
 */
export function createCallListing(db: Db) {
  return {
    /**
     * @example
     * const page = await repo.listCalls(workspaceId, { outcome: 'missed', q: 'rahul', limit: 20 });
     * if (page.ok) render(page.items, page.nextCursor);
     */
    async listCalls(workspaceId: string, filters: CallListFilters = {}): Promise<CallListResult> {
      const after = filters.cursor === undefined ? undefined : decodeCallCursor(filters.cursor);
      if (after === null) {
        return { ok: false, error: { code: 'invalid_cursor', message: 'the cursor is not valid' } };
      }
      const limit = Math.min(
        Math.max(Math.trunc(filters.limit ?? CALLS_PAGE_DEFAULT), 1),
        CALLS_PAGE_MAX,
      );
      const conditions = filterConditions(workspaceId, filters);
      if (conditions === undefined) return { ok: true, items: [], nextCursor: null };
      if (after) {
        conditions.push(
          sql`(${calls.offeredAt}, ${calls.id}) < (${after.offeredAt.toISOString()}::timestamptz, ${after.id}::uuid)`,
        );
      }
      const rows = await db
        .select({ ...summaryColumns, agentName: users.name, linkLabel: callLinks.label })
        .from(calls)
        .leftJoin(users, eq(users.id, calls.agentId))
        .leftJoin(
          callLinks,
          and(eq(callLinks.channelId, calls.channelId), eq(callLinks.tag, calls.deeplinkPayload)),
        )
        .where(and(...conditions))
        .orderBy(desc(calls.offeredAt), desc(calls.id))
        .limit(limit + 1);
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      const nextCursor = rows.length > limit && last ? encodeCallCursor(last) : null;
      return { ok: true, items, nextCursor };
    },
  };
}

// undefined when a filter can match nothing (an id that is not a uuid)
function filterConditions(workspaceId: string, filters: CallListFilters): SQL[] | undefined {
  if (!isUuid(workspaceId)) return undefined;
  if (filters.agent !== undefined && !isUuid(filters.agent)) return undefined;
  if (filters.channelId !== undefined && !isUuid(filters.channelId)) return undefined;
  if (filters.seenBy !== undefined && !isUuid(filters.seenBy.agentId)) return undefined;
  const conditions: SQL[] = [eq(calls.workspaceId, workspaceId), ne(calls.state, 'tombstone')];
  if (filters.channel) conditions.push(eq(calls.channelKind, filters.channel));
  if (filters.channelId) conditions.push(eq(calls.channelId, filters.channelId));
  if (filters.outcome) conditions.push(eq(calls.outcome, filters.outcome));
  if (filters.agent) conditions.push(eq(calls.agentId, filters.agent));
  if (filters.seenBy) conditions.push(seenBy(filters.seenBy));
  if (filters.from) conditions.push(gte(calls.offeredAt, filters.from));
  if (filters.to) conditions.push(lte(calls.offeredAt, filters.to));
  if (filters.tag) conditions.push(eq(calls.deeplinkPayload, filters.tag));
  if (filters.cta) conditions.push(eq(calls.ctaPayload, filters.cta));
  const text = filters.q?.trim();
  if (text) conditions.push(matchesText(text));
  const said = filters.said?.trim();
  if (said) conditions.push(saidInCall(said));
  return conditions;
}

function seenBy(scope: AgentScope): SQL {
  const own = eq(calls.agentId, scope.agentId);
  const channelIds = scope.answeredChannelIds.filter(isUuid);
  if (channelIds.length === 0) return own;
  const missedOnTheirLines = and(eq(calls.outcome, 'missed'), inArray(calls.channelId, channelIds));
  return or(own, missedOnTheirLines) ?? own;
}

function matchesText(text: string): SQL {
  // a customer is found by name, number, business-scoped user id or @username; a call by
  // Meta's call id (wacid.… / c_…), as support quotes it
  const options = [
    ilike(calls.callerName, contains(text)),
    ilike(calls.callerId, contains(text)),
    ilike(calls.callerUserId, contains(text)),
    ilike(calls.callerUsername, contains(text)),
    eq(calls.metaCallId, text),
  ];
  // numbers are stored as Meta writes them (digits only): '+91 80975-30000' must match too
  const digits = text.replace(/[\s\-().+]/g, '');
  if (/^\d+$/.test(digits) && digits !== text)
    options.push(ilike(calls.callerId, contains(digits)));
  return or(...options) ?? sql`false`;
}

/** the call has a stored transcript holding `said` (wildcards in it are literal) */
function saidInCall(said: string): SQL {
  return sql`exists (select 1 from ${callMedia} where ${callMedia.callId} = ${calls.id}
    and ${callMedia.kind} = 'transcript' and ${callMedia.status} = 'stored'
    and ${callMedia.transcriptText} ilike ${contains(said)})`;
}

// like-pattern for a substring: the user's text is matched literally, wildcards included
function contains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
