import type { CallMediaKind } from '@ringside/contracts/call-media';
import { and, asc, eq, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { callMedia, calls, channels } from '../db/schema';
import { isUuid } from './ids';

export type CallMediaRow = typeof callMedia.$inferSelect;

/** a media row due for a fetch, with what the fetch needs: the line and how long to keep it */
export interface DueMedia {
  readonly row: CallMediaRow;
  readonly channelId: string;
  readonly retentionDays: number;
}

/** what a fetch stored */
export interface StoredMedia {
  readonly storageKey: string;
  readonly mimeType: string;
  readonly sizeBytes: number;
  readonly transcriptText: string | null;
  readonly expiresAt: Date;
}

/**
 * Calls' recordings and transcripts: noted when Meta's webhook names them, fetched by the media
 * worker, swept when their retention ends. One row per call and kind: a webhook delivered twice
 * (or late, or before the call's terminate) notes nothing new.
 *
 * @example
 * await repos.callMedia.note({ callId, workspaceId, kind: 'recording', metaMediaId: '1288…' }, now);
 * const due = await repos.callMedia.claimDue(now, 5, 60_000);
 */
export function createCallMediaRepo(db: Db) {
  return {
    /** true when this is news (the first webhook for this call and kind) */
    async note(
      media: {
        callId: string;
        workspaceId: string;
        kind: CallMediaKind;
        metaMediaId?: string | undefined;
        failure?: string | undefined;
      },
      now: Date,
    ): Promise<boolean> {
      const failed = media.failure !== undefined;
      const inserted = await db
        .insert(callMedia)
        .values({
          callId: media.callId,
          workspaceId: media.workspaceId,
          kind: media.kind,
          metaMediaId: media.metaMediaId ?? null,
          status: failed ? 'failed' : 'awaiting',
          error: media.failure ?? null,
          nextAttemptAt: failed ? null : now,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: callMedia.id });
      return inserted.length > 0;
    },

    /**
     * Rows awaiting a fetch whose time has come, each leased for `leaseMs` (moved on so another
     * node's worker does not fetch it too).
     */
    async claimDue(now: Date, limit: number, leaseMs: number): Promise<DueMedia[]> {
      const candidates = await db
        .select({
          row: callMedia,
          channelId: calls.channelId,
          retentionDays: channels.mediaRetentionDays,
        })
        .from(callMedia)
        .innerJoin(calls, eq(calls.id, callMedia.callId))
        .innerJoin(channels, eq(channels.id, calls.channelId))
        .where(and(eq(callMedia.status, 'awaiting'), lte(callMedia.nextAttemptAt, now)))
        .orderBy(asc(callMedia.nextAttemptAt))
        .limit(limit);
      const claimed: DueMedia[] = [];
      const leaseUntil = new Date(now.getTime() + leaseMs);
      for (const candidate of candidates) {
        const [won] = await db
          .update(callMedia)
          .set({ nextAttemptAt: leaseUntil })
          .where(
            and(
              eq(callMedia.id, candidate.row.id),
              eq(callMedia.status, 'awaiting'),
              lte(callMedia.nextAttemptAt, now),
            ),
          )
          .returning({ id: callMedia.id });
        if (won) claimed.push(candidate);
      }
      return claimed;
    },

    /**
     * A recording Ringside made itself (an anchored call's, on the media engine): stored at once,
     * with no Meta media id to fetch. False when the call already has one of that kind.
     */
    async keepOwn(
      media: { callId: string; workspaceId: string; kind: CallMediaKind },
      stored: Omit<StoredMedia, 'transcriptText'>,
      now: Date,
    ): Promise<boolean> {
      const inserted = await db
        .insert(callMedia)
        .values({
          callId: media.callId,
          workspaceId: media.workspaceId,
          kind: media.kind,
          status: 'stored',
          storageKey: stored.storageKey,
          mimeType: stored.mimeType,
          sizeBytes: stored.sizeBytes,
          attempts: 1,
          createdAt: now,
          updatedAt: now,
          storedAt: now,
          expiresAt: stored.expiresAt,
        })
        .onConflictDoNothing()
        .returning({ id: callMedia.id });
      return inserted.length > 0;
    },

    async stored(id: string, stored: StoredMedia, now: Date): Promise<void> {
      await db
        .update(callMedia)
        .set({
          status: 'stored',
          storageKey: stored.storageKey,
          mimeType: stored.mimeType,
          sizeBytes: stored.sizeBytes,
          transcriptText: stored.transcriptText,
          error: null,
          attempts: sql`${callMedia.attempts} + 1`,
          nextAttemptAt: null,
          storedAt: now,
          updatedAt: now,
          expiresAt: stored.expiresAt,
        })
        .where(eq(callMedia.id, id));
    },

    /** a failed try: again at `retryAt`, or failed for good when `retryAt` is null */
    async tried(id: string, error: string, retryAt: Date | null, now: Date): Promise<void> {
      await db
        .update(callMedia)
        .set({
          status: retryAt === null ? 'failed' : 'awaiting',
          error,
          attempts: sql`${callMedia.attempts} + 1`,
          nextAttemptAt: retryAt,
          updatedAt: now,
        })
        .where(eq(callMedia.id, id));
    },

    /** stored files whose retention has ended */
    async expiredBy(now: Date, limit: number): Promise<CallMediaRow[]> {
      return db
        .select()
        .from(callMedia)
        .where(
          and(
            eq(callMedia.status, 'stored'),
            isNotNull(callMedia.expiresAt),
            lte(callMedia.expiresAt, now),
          ),
        )
        .limit(limit);
    },

    /** the file is gone: the row stays, so the call detail can say it expired */
    async expire(id: string, now: Date): Promise<void> {
      await db
        .update(callMedia)
        .set({ status: 'expired', storageKey: null, transcriptText: null, updatedAt: now })
        .where(eq(callMedia.id, id));
    },

    /** the call was accepted or placed asking Meta for `capture` (the live card's badge) */
    async markCapture(callId: string, capture: 'record' | 'transcribe' | 'both'): Promise<void> {
      await db.update(calls).set({ mediaCapture: capture }).where(eq(calls.id, callId));
    },

    async listForCall(workspaceId: string, callId: string): Promise<CallMediaRow[]> {
      if (!isUuid(workspaceId) || !isUuid(callId)) return [];
      return db
        .select()
        .from(callMedia)
        .where(and(eq(callMedia.workspaceId, workspaceId), eq(callMedia.callId, callId)))
        .orderBy(asc(callMedia.kind));
    },

    async getForCall(
      workspaceId: string,
      callId: string,
      kind: CallMediaKind,
    ): Promise<CallMediaRow | undefined> {
      if (!isUuid(workspaceId) || !isUuid(callId)) return undefined;
      const [row] = await db
        .select()
        .from(callMedia)
        .where(
          and(
            eq(callMedia.workspaceId, workspaceId),
            eq(callMedia.callId, callId),
            eq(callMedia.kind, kind),
          ),
        );
      return row;
    },
  };
}

export type CallMediaRepo = ReturnType<typeof createCallMediaRepo>;
