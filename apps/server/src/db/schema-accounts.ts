import { localeSchema, roleSchema, type Locale, type Role } from '@ringside/contracts';
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, oneOf } from './columns';

/** A tenant: every user, channel and call belongs to exactly one. */
export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
});

/** People who sign in; `email` is unique whatever its case. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').$type<Role>().notNull(),
    active: boolean('active').notNull().default(true),
    /** the console language they chose; null follows their browser */
    locale: text('locale').$type<Locale>(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    // sign-in ignores case, so two accounts must not differ by case alone
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    index('users_workspace_idx').on(t.workspaceId),
    oneOf('users_role_check', t.role, roleSchema.options),
    // oneOf takes lowercase words only; pt-BR is not one
    check('users_locale_check', sql`${t.locale} in (${sql.raw(quotedList(localeSchema.options))})`),
  ],
);

/**
 * Signed-in browsers. `id` is the sha-256 of the cookie's token: a leaked table cannot be
 * replayed as cookies.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    lastSeenAt: instant('last_seen_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

function quotedList(values: readonly string[]): string {
  if (values.some((value) => !/^[A-Za-z-]+$/.test(value))) throw new Error('bad locale tag');
  return values.map((value) => `'${value}'`).join(', ');
}
