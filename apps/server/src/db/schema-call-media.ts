import {
  callMediaKindSchema,
  callMediaStatusSchema,
  type CallMediaKind,
  type CallMediaStatus,
} from '@ringside/contracts/call-media';
import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, oneOf } from './columns';
import { workspaces } from './schema-accounts';
import { calls } from './schema-calls';

/**
 * A call's recording or transcript made by Meta: the media id its webhook named, then the file
 * once fetched (`storage_key` in the media store), until the channel's retention runs out. One
 * row per call and kind, so a redelivered webhook changes nothing.
 */
export const callMedia = pgTable(
  'call_media',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<CallMediaKind>().notNull(),
    metaMediaId: text('meta_media_id'),
    status: text('status').$type<CallMediaStatus>().notNull().default('awaiting'),
    storageKey: text('storage_key'),
    mimeType: text('mime_type'),
    sizeBytes: integer('size_bytes'),
    // the transcript's words, one line per turn, for the call log's search
    transcriptText: text('transcript_text'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    storedAt: instant('stored_at'),
    expiresAt: instant('expires_at'),
  },
  (t) => [
    uniqueIndex('call_media_call_kind_key').on(t.callId, t.kind),
    index('call_media_due_idx').on(t.status, t.nextAttemptAt),
    index('call_media_expiry_idx').on(t.expiresAt),
    oneOf('call_media_kind_check', t.kind, callMediaKindSchema.options),
    oneOf('call_media_status_check', t.status, callMediaStatusSchema.options),
  ],
);
