import { z } from 'zod';
import {
  e164Schema,
  isoDateTimeSchema,
  ringStrategySchema,
  wrapUpModeSchema,
} from './call-outcome';
import { channelMediaSettingsSchema, mediaCaptureSchema } from './call-media';
import { channelCreateBodySchema, channelViewSchema } from './rest-admin';
import { idSchema } from './rest-common';

/**
 * What a channel does with an inbound call when no agent is available: keep it ringing until
 * the ring timeout (someone may come back), reject it at once, or (`queue`, anchored WhatsApp
 * lines only) answer it with the media engine: the caller hears a greeting, music and their
 * place in the queue until an agent is free, and after the queue limit may leave a voicemail.
 *
 * @example
 * whenNobodyAvailableSchema.parse('keep-ringing');
 */
export const whenNobodyAvailableSchema = z.enum(['keep-ringing', 'reject', 'queue']);
export type WhenNobodyAvailableOption = z.infer<typeof whenNobodyAvailableSchema>;

/**
 * Where a channel's call audio runs: straight between the agent's browser and Meta (`direct`,
 * the default), or through Ringside's media engine (`anchored`: WhatsApp lines on a server
 * with `ANCHOR_ENGINES`), which holds the customer's leg while agents join it.
 *
 * @example
 * mediaModeSchema.parse('anchored');
 */
export const mediaModeSchema = z.enum(['direct', 'anchored']);
export type MediaModeOption = z.infer<typeof mediaModeSchema>;

/** Bounds of a channel's ring timers, in seconds. */
export const RING_TIMEOUT_BOUNDS = { min: 10, max: 600 } as const;
export const AGENT_TIMEOUT_BOUNDS = { min: 5, max: 120 } as const;
/** Bounds of a channel's timed after-call work, in seconds. */
export const WRAP_UP_BOUNDS = { min: 5, max: 600 } as const;
/** Bounds of how long a queued caller waits for an agent before voicemail, in seconds. */
export const QUEUE_LIMIT_BOUNDS = { min: 10, max: 1800 } as const;

const ringTimeoutSec = z.number().int().min(RING_TIMEOUT_BOUNDS.min).max(RING_TIMEOUT_BOUNDS.max);
const agentTimeoutSec = z
  .number()
  .int()
  .min(AGENT_TIMEOUT_BOUNDS.min)
  .max(AGENT_TIMEOUT_BOUNDS.max);

/**
 * How a channel rings, as admins set it: every field optional (the server has defaults).
 *
 * @example
 * channelRingSettingsSchema.parse({ ringTimeoutSec: 30, whenNobodyAvailable: 'reject' });
 */
export const channelRingSettingsSchema = z.object({
  ringTimeoutSec: ringTimeoutSec.optional(),
  /** longest-idle only: how long one agent rings before the next is tried */
  agentTimeoutSec: agentTimeoutSec.optional(),
  whenNobodyAvailable: whenNobodyAvailableSchema.optional(),
  /** after-call work once an answered call ends (agents are not rung meanwhile) */
  wrapUp: wrapUpModeSchema.optional(),
  /** `timed` only: how long */
  wrapUpSec: z.number().int().min(WRAP_UP_BOUNDS.min).max(WRAP_UP_BOUNDS.max).optional(),
  /** `queue` only: how long a caller waits in the queue before being offered voicemail */
  queueLimitSec: z
    .number()
    .int()
    .min(QUEUE_LIMIT_BOUNDS.min)
    .max(QUEUE_LIMIT_BOUNDS.max)
    .optional(),
});
export type ChannelRingSettings = z.infer<typeof channelRingSettingsSchema>;

/**
 * `POST /api/admin/channels`: {@link channelCreateBodySchema} plus the ring settings.
 *
 * @example
 * adminChannelCreateBodySchema.parse({ channel: 'messenger', pageId: '106378625516309', name: 'Acme',
 *   accessToken: 'EAAG…', assignedUserIds: [asha.id], ringTimeoutSec: 30 });
 */
export const adminChannelCreateBodySchema = channelCreateBodySchema.and(channelRingSettingsSchema);
export type AdminChannelCreateBody = z.infer<typeof adminChannelCreateBodySchema>;

/**
 * `PATCH /api/admin/channels/:id`: at least one field. A new `accessToken` replaces the stored
 * one (write-only); `assignedUserIds` replaces who answers the channel (empty: every agent).
 *
 * @example
 * adminChannelUpdateBodySchema.parse({ ringStrategy: 'longest-idle', agentTimeoutSec: 10 });
 */
export const adminChannelUpdateBodySchema = z
  .object({
    label: z.string().trim().min(1).max(200).optional(),
    displayNumber: e164Schema.optional(),
    accessToken: z.string().trim().min(20).max(4096).optional(),
    ringStrategy: ringStrategySchema.optional(),
    assignedUserIds: z.array(idSchema).max(500).optional(),
    enabled: z.boolean().optional(),
    ...channelRingSettingsSchema.shape,
    /** recording and transcription by Meta (WhatsApp lines only) */
    ...channelMediaSettingsSchema.shape,
    /** where the call audio runs (anchored: WhatsApp lines, on a server with media engines) */
    mediaMode: mediaModeSchema.optional(),
  })
  .refine((body) => Object.values(body).some((v) => v !== undefined), {
    message: 'nothing to update',
  });
export type AdminChannelUpdateBody = z.infer<typeof adminChannelUpdateBodySchema>;

/**
 * A channel in admin replies: {@link channelViewSchema} plus its ring settings. Never a token:
 * `tokenSet` says whether one is stored.
 *
 * @example
 * adminChannelViewSchema.parse({ ...view, ringTimeoutSec: 45, agentTimeoutSec: 15, whenNobodyAvailable: 'keep-ringing', updatedAt });
 */
export const adminChannelViewSchema = channelViewSchema.extend({
  ringTimeoutSec: z.number().int(),
  agentTimeoutSec: z.number().int(),
  whenNobodyAvailable: whenNobodyAvailableSchema,
  wrapUp: wrapUpModeSchema,
  wrapUpSec: z.number().int(),
  /** how long a queued caller waits before voicemail; absent from servers before the queue */
  queueLimitSec: z.number().int().optional(),
  /** recording and transcription by Meta; absent from servers before #18 */
  mediaCapture: mediaCaptureSchema.optional(),
  mediaPurpose: z.string().nullable().optional(),
  mediaAnnouncementLanguage: z.string().nullable().optional(),
  mediaRetentionDays: z.number().int().optional(),
  /** where the call audio runs; absent from servers before #15 */
  mediaMode: mediaModeSchema.optional(),
  updatedAt: isoDateTimeSchema,
});
export type AdminChannelView = z.infer<typeof adminChannelViewSchema>;

/**
 * `POST /api/admin/channels/:id/test`: what Meta answered a cheap read with the channel's
 * token, in plain words. `ok: false` with `metaError` when Meta refused; `callingEnabled` is
 * WhatsApp's calling setting when Meta reported it.
 *
 * @example
 * const result = channelTestResultSchema.parse(await res.json());
 * if (!result.ok) showError(result.message);
 */
export const channelTestResultSchema = z.object({
  ok: z.boolean(),
  checkedAt: isoDateTimeSchema,
  message: z.string(),
  callingEnabled: z.boolean().optional(),
  metaError: z
    .object({ code: z.number().int().optional(), meaning: z.string(), retryable: z.boolean() })
    .optional(),
});
export type ChannelTestResult = z.infer<typeof channelTestResultSchema>;
