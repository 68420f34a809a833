import { sql } from 'drizzle-orm';
import { check, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns';
import { users } from './schema-accounts';

/**
 * The Meta app this installation receives webhooks for (one row, id `meta`): its app secret,
 * sealed, set by an admin and preferred over `META_APP_SECRET`. One Meta app serves every
 * workspace, as one callback URL does.
 */
export const metaAppSettings = pgTable(
  'meta_app_settings',
  {
    id: text('id').primaryKey().default('meta'),
    appSecretCiphertext: text('app_secret_ciphertext'),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [check('meta_app_settings_single_row', sql`${t.id} = 'meta'`)],
);
