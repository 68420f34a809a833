import type { Call, CallStateName } from '@ringside/calls';
import {
  callDirectionSchema,
  callOutcomeSchema,
  channelSchema,
  type CallDirection,
  type CallOutcome,
  type CallQuality,
  type Channel,
} from '@ringside/contracts';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { instant, oneOf } from './columns';
import { CALL_MODEL_STATES, LIVE_CALL_STATES } from './enums';
import { users, workspaces } from './schema-accounts';
import { channels } from './schema-channels';

/**
 * One call: the `@ringside/calls` model as jsonb (the truth) plus columns copied from it for the
 * call log's filters. Only `repos/call-columns.ts` derives those columns, so they match the model.
 */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    metaCallId: text('meta_call_id').notNull(),
    channelKind: text('channel_kind').$type<Channel>().notNull(),
    direction: text('direction').$type<CallDirection>(),
    state: text('state').$type<CallStateName>().notNull(),
    /** the customer's WhatsApp number (else their BSUID, when Meta sent no number) or PSID */
    callerId: text('caller_id'),
    callerName: text('caller_name'),
    /** whatsapp business-scoped user id (`US.1349…`), when Meta sent one */
    callerUserId: text('caller_user_id'),
    /** whatsapp `@username`, when the customer set one */
    callerUsername: text('caller_username'),
    /** the business side as shown: display number or Page name, copied from the channel */
    calledLabel: text('called_label').notNull(),
    agentId: uuid('agent_id').references(() => users.id, { onDelete: 'set null' }),
    outcome: text('outcome').$type<CallOutcome>(),
    model: jsonb('model').$type<Call>().notNull(),
    offeredAt: instant('offered_at').notNull(),
    answeredAt: instant('answered_at'),
    endedAt: instant('ended_at'),
    // when the agent's after-call work for this call ended (null: none, or not over yet)
    wrapUpEndedAt: instant('wrap_up_ended_at'),
    durationSec: integer('duration_sec'),
    metaErrorCode: integer('meta_error_code'),
    metaErrorMessage: text('meta_error_message'),
    quality: jsonb('quality').$type<CallQuality>(),
    /** the `deeplink_payload` of a call placed from a call link (a call link's tag) */
    deeplinkPayload: text('deeplink_payload'),
    /** the `cta_payload` of a call placed from a call button message */
    ctaPayload: text('cta_payload'),
    /** what Meta was asked to make of this call (the line's policy when it was accepted or placed) */
    mediaCapture: text('media_capture').$type<'record' | 'transcribe' | 'both'>(),
    /** the media engine (an `ANCHOR_ENGINES` name) an anchored call is pinned to; null: direct */
    anchorEngine: text('anchor_engine'),
    notes: text('notes'),
    disposition: text('disposition'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('calls_meta_call_id_key').on(t.metaCallId),
    // the call log pages newest first on (offered_at, id); each filter gets its own prefix
    index('calls_log_idx').on(t.workspaceId, t.offeredAt, t.id),
    index('calls_channel_kind_idx').on(t.workspaceId, t.channelKind, t.offeredAt),
    index('calls_outcome_idx').on(t.workspaceId, t.outcome, t.offeredAt),
    index('calls_agent_idx').on(t.workspaceId, t.agentId, t.offeredAt),
    index('calls_caller_idx').on(t.workspaceId, t.callerId, t.offeredAt),
    index('calls_caller_user_idx').on(t.workspaceId, t.callerUserId, t.offeredAt),
    index('calls_deeplink_idx').on(t.workspaceId, t.deeplinkPayload, t.offeredAt),
    index('calls_cta_idx').on(t.workspaceId, t.ctaPayload, t.offeredAt),
    index('calls_live_idx')
      .on(t.workspaceId, t.offeredAt)
      .where(sql.raw(`state in (${LIVE_CALL_STATES.map((s) => `'${s}'`).join(', ')})`)),
    oneOf('calls_channel_kind_check', t.channelKind, channelSchema.options),
    oneOf('calls_direction_check', t.direction, callDirectionSchema.options),
    oneOf('calls_state_check', t.state, CALL_MODEL_STATES),
    oneOf('calls_outcome_check', t.outcome, callOutcomeSchema.options),
  ],
);

/** A call's timeline: webhooks, Graph requests, agent actions and state changes, in order. */
export const callEvents = pgTable(
  'call_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: instant('occurred_at').notNull(),
  },
  (t) => [index('call_events_call_idx').on(t.callId, t.occurredAt, t.id)],
);
