import { and, eq, gt, inArray, lt, ne } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database';
import { sessions, users } from '../db/schema';
import { isUuid } from './ids';
import { userColumns, type User } from './users';

const TOKEN_BYTES = 32;
// a cookie longer than this is not ours: do not even hash it
const MAX_TOKEN_LENGTH = 128;
// touching last_seen_at on every request would turn each read into a write
const LAST_SEEN_RESOLUTION_MS = 60_000;

/** A session that was just ended. */
export interface EndedSession {
  readonly sessionId: string;
  readonly userId: string;
}

/** A live session and its user. */
export interface FoundSession {
  /** the stored id (hash of the token), for logs and revocation; never the token */
  readonly sessionId: string;
  readonly user: User;
  readonly expiresAt: Date;
}

/**
 * Sign-in sessions. The browser holds a random token; the table holds only its sha-256, so a
 * copy of the database cannot be turned into working cookies.
 *
 * @example
 * const repo = createSessionsRepo(db);
 * const token = await repo.createSession(user.id, 12 * 3_600_000, new Date());
 * res.cookie('ringside_session', token, { httpOnly: true });
 * const found = await repo.findSession(token, new Date()); // { sessionId, user, expiresAt }
 */
export function createSessionsRepo(db: Db) {
  return {
    /** returns the raw token (32 random bytes, base64url): hand it to the browser, keep nothing */
    async createSession(userId: string, ttlMs: number, now: Date): Promise<string> {
      const token = randomBytes(TOKEN_BYTES).toString('base64url');
      await db.insert(sessions).values({
        id: sessionIdOf(token),
        userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + ttlMs),
        lastSeenAt: now,
      });
      return token;
    },

    /** the session and its user; undefined when unknown, expired, or the user is deactivated */
    async findSession(token: string, now: Date): Promise<FoundSession | undefined> {
      if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return undefined;
      const sessionId = sessionIdOf(token);
      const [row] = await db
        .select({
          user: userColumns,
          expiresAt: sessions.expiresAt,
          lastSeenAt: sessions.lastSeenAt,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(
          and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now), eq(users.active, true)),
        );
      if (!row) return undefined;
      if (now.getTime() - row.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
        await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
      }
      return { sessionId, user: row.user, expiresAt: row.expiresAt };
    },

    /** ends one sign-in; returns whose it was, or undefined when there was none */
    async deleteSession(token: string): Promise<EndedSession | undefined> {
      if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return undefined;
      const [ended] = await db
        .delete(sessions)
        .where(eq(sessions.id, sessionIdOf(token)))
        .returning({ sessionId: sessions.id, userId: sessions.userId });
      return ended;
    },

    /**
     * signs a user out everywhere, or everywhere but `except` (the session that changed its own
     * password); returns how many sessions ended
     */
    async deleteUserSessions(userId: string, except?: { sessionId: string }): Promise<number> {
      if (!isUuid(userId)) return 0;
      const deleted = await db
        .delete(sessions)
        .where(
          except
            ? and(eq(sessions.userId, userId), ne(sessions.id, except.sessionId))
            : eq(sessions.userId, userId),
        )
        .returning({ id: sessions.id });
      return deleted.length;
    },

    /**
     * which of these session ids still live at `now` (not expired, not deleted, user active):
     * a node checks its sockets against it
     */
    async liveSessionIds(sessionIds: readonly string[], now: Date): Promise<Set<string>> {
      if (sessionIds.length === 0) return new Set();
      const rows = await db
        .select({ id: sessions.id })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(
          and(
            inArray(sessions.id, [...sessionIds]),
            gt(sessions.expiresAt, now),
            eq(users.active, true),
          ),
        );
      return new Set(rows.map((row) => row.id));
    },

    /** housekeeping: drops sessions that expired before `now`; returns how many */
    async deleteExpiredSessions(now: Date): Promise<number> {
      const deleted = await db
        .delete(sessions)
        .where(lt(sessions.expiresAt, now))
        .returning({ id: sessions.id });
      return deleted.length;
    },
  };
}

export type SessionsRepo = ReturnType<typeof createSessionsRepo>;

/**
 * The stored id of a session token: its sha-256, hex.
 *
 * @example
 * sessionIdOf(token).length; // 64
 */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
