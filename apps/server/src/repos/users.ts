import type { Locale, Role } from '@ringside/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { sessions, users } from '../db/schema';
import { isUuid } from './ids';
import { constraintViolation } from './pg-errors';

/** A user as the rest of the server sees one: never the password hash. */
export interface User {
  readonly id: string;
  readonly workspaceId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly active: boolean;
  readonly createdAt: Date;
}

/** A user with their password hash, for sign-in only. */
export interface UserWithPasswordHash extends User {
  readonly passwordHash: string;
}

export interface NewUser {
  workspaceId: string;
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
}

export type CreateUserResult =
  | { ok: true; user: User }
  | { ok: false; error: { code: 'email_taken' | 'workspace_not_found'; message: string } };

/** the columns of {@link User}: selecting them keeps the hash out of every other query */
export const userColumns = {
  id: users.id,
  workspaceId: users.workspaceId,
  email: users.email,
  name: users.name,
  role: users.role,
  active: users.active,
  createdAt: users.createdAt,
};

/**
 * Users of a workspace. Emails are stored trimmed and lower-cased and are unique across all
 * workspaces (sign-in names no workspace).
 *
 * @example
 * const repo = createUsersRepo(db);
 * const created = await repo.createUser({ workspaceId, email: 'asha@example.com', name: 'Asha',
 *   passwordHash: await hashPassword('long enough'), role: 'agent' });
 * if (!created.ok) console.error(created.error.message);
 */
export function createUsersRepo(db: Db) {
  const inWorkspace = (workspaceId: string, userId: string) =>
    and(eq(users.workspaceId, workspaceId), eq(users.id, userId));

  return {
    async createUser(input: NewUser): Promise<CreateUserResult> {
      if (!isUuid(input.workspaceId)) return workspaceNotFound(input.workspaceId);
      try {
        const [row] = await db
          .insert(users)
          .values({ ...input, email: normalizeEmail(input.email) })
          .onConflictDoNothing()
          .returning(userColumns);
        if (row) return { ok: true, user: row };
        return {
          ok: false,
          error: { code: 'email_taken', message: 'a user with this email already exists' },
        };
      } catch (error) {
        if (constraintViolation(error) === 'foreign-key') {
          return workspaceNotFound(input.workspaceId);
        }
        throw error;
      }
    },

    /** sign-in lookup, any workspace, whatever the case of `email`; includes inactive users */
    async findUserByEmail(email: string): Promise<UserWithPasswordHash | undefined> {
      const [row] = await db
        .select({ ...userColumns, passwordHash: users.passwordHash })
        .from(users)
        .where(sql`lower(${users.email}) = ${normalizeEmail(email)}`);
      return row;
    },

    async getUser(workspaceId: string, userId: string): Promise<User | undefined> {
      if (!isUuid(workspaceId) || !isUuid(userId)) return undefined;
      const [row] = await db
        .select(userColumns)
        .from(users)
        .where(inWorkspace(workspaceId, userId));
      return row;
    },

    async listUsers(workspaceId: string): Promise<User[]> {
      if (!isUuid(workspaceId)) return [];
      return db
        .select(userColumns)
        .from(users)
        .where(eq(users.workspaceId, workspaceId))
        .orderBy(asc(users.name), asc(users.email));
    },

    async setRole(workspaceId: string, userId: string, role: Role): Promise<User | undefined> {
      return update(workspaceId, userId, { role });
    },

    async setName(workspaceId: string, userId: string, name: string): Promise<User | undefined> {
      return update(workspaceId, userId, { name });
    },

    /** the console language the user chose; null when they follow their browser (or are unknown) */
    async getLocale(workspaceId: string, userId: string): Promise<Locale | null> {
      if (!isUuid(workspaceId) || !isUuid(userId)) return null;
      const [row] = await db
        .select({ locale: users.locale })
        .from(users)
        .where(inWorkspace(workspaceId, userId));
      return row?.locale ?? null;
    },

    async setLocale(
      workspaceId: string,
      userId: string,
      locale: Locale,
    ): Promise<User | undefined> {
      return update(workspaceId, userId, { locale });
    },

    async setPasswordHash(
      workspaceId: string,
      userId: string,
      passwordHash: string,
    ): Promise<User | undefined> {
      return update(workspaceId, userId, { passwordHash });
    },

    /** signs the user out everywhere and stops them signing in; their calls stay */
    async deactivateUser(workspaceId: string, userId: string): Promise<User | undefined> {
      if (!isUuid(workspaceId) || !isUuid(userId)) return undefined;
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(users)
          .set({ active: false })
          .where(inWorkspace(workspaceId, userId))
          .returning(userColumns);
        if (row) await tx.delete(sessions).where(eq(sessions.userId, userId));
        return row;
      });
    },

    async reactivateUser(workspaceId: string, userId: string): Promise<User | undefined> {
      return update(workspaceId, userId, { active: true });
    },

    /**
     * after a sign-in: swaps a hash for a stronger one of the same password, only if it is still
     * `previous` (a password changed meanwhile wins); returns whether it was swapped
     */
    async upgradePasswordHash(userId: string, previous: string, next: string): Promise<boolean> {
      if (!isUuid(userId)) return false;
      const swapped = await db
        .update(users)
        .set({ passwordHash: next })
        .where(and(eq(users.id, userId), eq(users.passwordHash, previous)))
        .returning({ id: users.id });
      return swapped.length > 0;
    },
  };

  async function update(
    workspaceId: string,
    userId: string,
    values: Partial<
      Pick<typeof users.$inferInsert, 'role' | 'name' | 'passwordHash' | 'active' | 'locale'>
    >,
  ): Promise<User | undefined> {
    if (!isUuid(workspaceId) || !isUuid(userId)) return undefined;
    const [row] = await db
      .update(users)
      .set(values)
      .where(inWorkspace(workspaceId, userId))
      .returning(userColumns);
    return row;
  }
}

export type UsersRepo = ReturnType<typeof createUsersRepo>;

/**
 * The stored form of an email: trimmed and lower-cased.
 *
 * @example
 * normalizeEmail(' Asha@Example.COM '); // 'asha@example.com'
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function workspaceNotFound(workspaceId: string): CreateUserResult {
  return {
    ok: false,
    error: { code: 'workspace_not_found', message: `no workspace ${workspaceId}` },
  };
}
