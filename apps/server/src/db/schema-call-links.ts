import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns';
import { users } from './schema-accounts';
import { channels } from './schema-channels';

/**
 * A call link an admin made for a WhatsApp number: `wa.me/call/<number>` with an optional tag
 * that comes back as the call's `deeplink_payload`, so history can tell which campaign rang.
 */
export const callLinks = pgTable(
  'call_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    /** null: the plain link with no payload */
    tag: text('tag'),
    label: text('label').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('call_links_channel_idx').on(t.channelId),
    // one link a tag a number; nulls are distinct, so several untagged links may exist
    uniqueIndex('call_links_channel_tag_key').on(t.channelId, t.tag),
  ],
);
