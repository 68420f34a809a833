import { and, eq, gte, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { callbacks, callMedia, calls, users } from '../db/schema';
import { collapseCallbacks, type CallbackMark, type OpenCallback } from '../callbacks/collapse';
import { isUuid } from './ids';

/** missed calls older than this have left the worklist */
export const CALLBACK_WINDOW_MS = 7 * 86_400_000;

/** A callback to do, with what the list shows of its latest miss. */
export interface CallbackListing extends OpenCallback {
  channelKind: (typeof calls.$inferSelect)['channelKind'];
  calledLabel: string;
  callerId: string | null;
  callerName: string | null;
  callerUserId: string | null;
  callerUsername: string | null;
  claimedByName: string | null;
  /** the latest miss left a voicemail that is stored and playable */
  voicemail: boolean;
}

export type ClaimResult = { ok: true } | { ok: false; claimedBy: string };

/**
 * The callback worklist: derived from missed calls of the last {@link CALLBACK_WINDOW_MS} (see
 * {@link collapseCallbacks}) plus the `callbacks` marks. `channelIds` narrows to an agent's lines
 * (`undefined`: the whole workspace).
 *
 * @example
 * const items = await repos.callbacks.list(workspaceId, ['ch1'], now);
 * const claim = await repos.callbacks.claim(workspaceId, items[0].callId, userId, now); // { ok: true }
 */
export function createCallbacksRepo(db: Db) {
  async function list(
    workspaceId: string,
    channelIds: readonly string[] | undefined,
    now: Date,
  ): Promise<CallbackListing[]> {
    if (!isUuid(workspaceId) || channelIds?.length === 0) return [];
    const since = new Date(now.getTime() - CALLBACK_WINDOW_MS);
    const onLines = channelIds ? inArray(calls.channelId, [...channelIds]) : undefined;
    const missed = await db
      .select({
        id: calls.id,
        channelId: calls.channelId,
        channelKind: calls.channelKind,
        calledLabel: calls.calledLabel,
        callerId: calls.callerId,
        callerName: calls.callerName,
        callerUserId: calls.callerUserId,
        callerUsername: calls.callerUsername,
        at: calls.offeredAt,
      })
      .from(calls)
      .where(
        and(
          eq(calls.workspaceId, workspaceId),
          eq(calls.outcome, 'missed'),
          sql`${calls.direction} is distinct from 'outbound'`,
          gte(calls.offeredAt, since),
          onLines,
        ),
      );
    if (missed.length === 0) return [];
    const ids = [
      ...new Set(missed.flatMap((c) => [c.callerId, c.callerUserId]).filter((v) => v !== null)),
    ];
    const answered = await db
      .select({
        id: calls.id,
        channelId: calls.channelId,
        callerId: calls.callerId,
        callerUserId: calls.callerUserId,
        at: sql<Date>`${calls.answeredAt}`.mapWith(calls.answeredAt),
      })
      .from(calls)
      .where(
        and(
          eq(calls.workspaceId, workspaceId),
          isNotNull(calls.answeredAt),
          ne(calls.state, 'tombstone'),
          gte(calls.answeredAt, since),
          inArray(
            calls.channelId,
            missed.map((c) => c.channelId),
          ),
          or(inArray(calls.callerId, ids), inArray(calls.callerUserId, ids)),
        ),
      );
    const markRows = await db
      .select()
      .from(callbacks)
      .where(
        inArray(
          callbacks.callId,
          missed.map((c) => c.id),
        ),
      );
    const marks = new Map<string, CallbackMark>(markRows.map((m) => [m.callId, m]));
    const open = collapseCallbacks(missed, answered, marks);
    const claimers = [...new Set(open.map((c) => c.claimedBy).filter((v) => v !== null))];
    const names = new Map(
      claimers.length === 0
        ? []
        : (
            await db
              .select({ id: users.id, name: users.name })
              .from(users)
              .where(inArray(users.id, claimers))
          ).map((u) => [u.id, u.name]),
    );
    const withVoicemail = new Set(
      open.length === 0
        ? []
        : (
            await db
              .select({ callId: callMedia.callId })
              .from(callMedia)
              .where(
                and(
                  inArray(
                    callMedia.callId,
                    open.map((c) => c.callId),
                  ),
                  eq(callMedia.kind, 'voicemail'),
                  eq(callMedia.status, 'stored'),
                ),
              )
          ).map((m) => m.callId),
    );
    const rows = new Map(missed.map((c) => [c.id, c]));
    return open.map((callback) => {
      const row = rows.get(callback.callId);
      if (!row) throw new Error('a callback names a call the query did not read');
      return {
        ...callback,
        channelKind: row.channelKind,
        calledLabel: row.calledLabel,
        callerId: row.callerId,
        callerName: row.callerName,
        callerUserId: row.callerUserId,
        callerUsername: row.callerUsername,
        claimedByName: callback.claimedBy ? (names.get(callback.claimedBy) ?? null) : null,
        voicemail: withVoicemail.has(callback.callId),
      };
    });
  }

  return {
    list,

    /** the callback whose open misses include `callId`, if it still waits */
    async find(
      workspaceId: string,
      channelIds: readonly string[] | undefined,
      callId: string,
      now: Date,
    ): Promise<CallbackListing | undefined> {
      if (!isUuid(callId)) return undefined;
      const items = await list(workspaceId, channelIds, now);
      return items.find((c) => c.missIds.includes(callId));
    },

    /**
     * "I'll call back": one statement, so of two agents claiming at once exactly one wins; the
     * other learns who did. Claiming again what you hold is fine.
     */
    async claim(
      workspaceId: string,
      callId: string,
      userId: string,
      now: Date,
    ): Promise<ClaimResult> {
      const won = await db
        .insert(callbacks)
        .values({ callId, workspaceId, claimedBy: userId, claimedAt: now })
        .onConflictDoUpdate({
          target: callbacks.callId,
          set: { claimedBy: userId, claimedAt: now },
          setWhere: sql`${callbacks.claimedBy} is null or ${callbacks.claimedBy} = ${userId}`,
        })
        .returning({ callId: callbacks.callId });
      if (won.length > 0) return { ok: true };
      const [held] = await db
        .select({ claimedBy: callbacks.claimedBy })
        .from(callbacks)
        .where(eq(callbacks.callId, callId));
      return held?.claimedBy ? { ok: false, claimedBy: held.claimedBy } : { ok: true };
    },

    /** drops the claims on these misses (`onlyBy`: only that user's) */
    async release(callIds: readonly string[], onlyBy: string | undefined): Promise<void> {
      if (callIds.length === 0) return;
      await db
        .update(callbacks)
        .set({ claimedBy: null, claimedAt: null })
        .where(
          and(
            inArray(callbacks.callId, [...callIds]),
            onlyBy ? eq(callbacks.claimedBy, onlyBy) : undefined,
          ),
        );
    },

    /** done: closes this miss and the customer's earlier ones on the line */
    async done(workspaceId: string, callId: string, userId: string, now: Date): Promise<void> {
      await db
        .insert(callbacks)
        .values({ callId, workspaceId, doneBy: userId, doneAt: now })
        .onConflictDoUpdate({ target: callbacks.callId, set: { doneBy: userId, doneAt: now } });
    },

    /** the board's figures: how many wait, and since when the longest has */
    async waiting(
      workspaceId: string,
      now: Date,
    ): Promise<{ count: number; oldestSince: Date | null }> {
      const items = await list(workspaceId, undefined, now);
      return { count: items.length, oldestSince: items[0]?.firstMissedAt ?? null };
    },
  };
}

export type CallbacksRepo = ReturnType<typeof createCallbacksRepo>;
