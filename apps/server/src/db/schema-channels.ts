import {
  channelSchema,
  mediaCaptureSchema,
  ringStrategySchema,
  wrapUpModeSchema,
  type Channel,
  type MediaCapture,
  type RingStrategy,
  type WrapUpMode,
} from '@ringside/contracts';
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { instant, oneOf } from './columns';
import {
  DEFAULT_AGENT_TIMEOUT_SEC,
  DEFAULT_RING_TIMEOUT_SEC,
  DEFAULT_WRAP_UP_SEC,
  DEFAULT_QUEUE_LIMIT_SEC,
  MEDIA_MODES,
  WHEN_NOBODY_AVAILABLE,
  type MediaMode,
  type WhenNobodyAvailable,
} from './enums';
import { users, workspaces } from './schema-accounts';

/**
 * A WhatsApp number or a Facebook Page that receives calls. `external_id` is the phone-number id
 * or the Page id, the key Meta's webhooks name; the access token is stored sealed only.
 */
export const channels = pgTable(
  'channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<Channel>().notNull(),
    externalId: text('external_id').notNull(),
    wabaId: text('waba_id'),
    displayNumber: text('display_number'),
    name: text('name').notNull(),
    tokenCiphertext: text('token_ciphertext'),
    enabled: boolean('enabled').notNull().default(true),
    ringStrategy: text('ring_strategy').$type<RingStrategy>().notNull().default('all'),
    ringTimeoutSec: integer('ring_timeout_sec').notNull().default(DEFAULT_RING_TIMEOUT_SEC),
    agentTimeoutSec: integer('agent_timeout_sec').notNull().default(DEFAULT_AGENT_TIMEOUT_SEC),
    whenNobodyAvailable: text('when_nobody_available')
      .$type<WhenNobodyAvailable>()
      .notNull()
      .default('keep-ringing'),
    // after-call work once an answered call ends (off: the agent is rung again at once)
    wrapUp: text('wrap_up').$type<WrapUpMode>().notNull().default('off'),
    wrapUpSec: integer('wrap_up_sec').notNull().default(DEFAULT_WRAP_UP_SEC),
    // `queue`: how long a queued caller waits for an agent before voicemail
    queueLimitSec: integer('queue_limit_sec').notNull().default(DEFAULT_QUEUE_LIMIT_SEC),
    // the approved template that asks a customer for call permission outside the 24-hour window
    permissionTemplateName: text('permission_template_name'),
    permissionTemplateLanguage: text('permission_template_language'),
    // what Meta records or transcribes on this line's calls (asked for in accept / connect)
    mediaCapture: text('media_capture').$type<MediaCapture>().notNull().default('off'),
    mediaPurpose: text('media_purpose'),
    mediaAnnouncementLanguage: text('media_announcement_language'),
    mediaRetentionDays: integer('media_retention_days').notNull().default(90),
    // where this line's call audio ends: the agent's browser, or a media engine of ours
    mediaMode: text('media_mode').$type<MediaMode>().notNull().default('direct'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // one number or Page routes to one channel, whichever workspace added it first
    uniqueIndex('channels_kind_external_key').on(t.kind, t.externalId),
    index('channels_workspace_idx').on(t.workspaceId),
    oneOf('channels_kind_check', t.kind, channelSchema.options),
    oneOf('channels_ring_strategy_check', t.ringStrategy, ringStrategySchema.options),
    oneOf('channels_when_nobody_check', t.whenNobodyAvailable, WHEN_NOBODY_AVAILABLE),
    oneOf('channels_wrap_up_check', t.wrapUp, wrapUpModeSchema.options),
    oneOf('channels_media_capture_check', t.mediaCapture, mediaCaptureSchema.options),
    oneOf('channels_media_mode_check', t.mediaMode, MEDIA_MODES),
  ],
);

/** Who answers a channel; a channel with no rows here rings every agent of its workspace. */
export const channelAgents = pgTable(
  'channel_agents',
  {
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.channelId, t.userId] }),
    index('channel_agents_user_idx').on(t.userId),
  ],
);
