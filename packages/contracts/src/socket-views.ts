import { z } from 'zod';
import {
  agentStatusSchema,
  callDirectionSchema,
  callOutcomeSchema,
  callStateSchema,
  channelSchema,
  e164Schema,
  isoDateTimeSchema,
  qualityLevelSchema,
} from './call-outcome';
import { bsuidSchema } from './customer-id';

const id = z.string().min(1);

/**
 * The customer on a call: on WhatsApp a profile name with an E.164 number, a business-scoped
 * user id (`userId`, with `username` when they set one), or both (Meta may leave the number
 * out for a username user); on Messenger a PSID.
 *
 * @example
 * callerSchema.parse({ name: 'Rahul', number: '+918097530000' });
 * callerSchema.parse({ name: 'Priya', userId: 'IN.13491208655302741918', username: '@priya.k' });
 */
export const callerSchema = z
  .object({
    name: z.string().optional(),
    number: e164Schema.optional(),
    userId: bsuidSchema.optional(),
    username: z.string().min(1).optional(),
    psid: z.string().min(1).optional(),
  })
  .refine(
    (caller) =>
      caller.number !== undefined || caller.userId !== undefined || caller.psid !== undefined,
    { message: 'a caller needs a number or a user id (WhatsApp) or a psid (Messenger)' },
  );
export type Caller = z.infer<typeof callerSchema>;

/**
 * The business side of a call: our channel and how to show it (display number or Page name).
 *
 * @example
 * calledSchema.parse({ channelId: 'ch_1', label: '+91 91299 50000' });
 */
export const calledSchema = z.object({ channelId: id, label: z.string().min(1) });
export type Called = z.infer<typeof calledSchema>;

/**
 * A user named on a call or on the board.
 *
 * @example
 * agentRefSchema.parse({ userId: 'u_1', name: 'Asha' });
 */
export const agentRefSchema = z.object({ userId: id, name: z.string() });
export type AgentRef = z.infer<typeof agentRefSchema>;

/**
 * Figures from the agent browser's WebRTC stats, as `call:quality` reports them.
 *
 * @example
 * qualityMetricsSchema.parse({ rttMs: 120, jitterMs: 8, lossPct: 0.5, mos: 4.2 });
 */
export const qualityMetricsSchema = z.object({
  rttMs: z.number().finite().nonnegative(),
  jitterMs: z.number().finite().nonnegative(),
  lossPct: z.number().min(0).max(100),
  mos: z.number().min(1).max(5),
});
export type QualityMetrics = z.infer<typeof qualityMetricsSchema>;

/**
 * A call's latest quality: the metrics, a grade and, when not good, why.
 *
 * @example
 * callQualitySchema.parse({ level: 'poor', reason: 'packet loss 9%', rttMs: 300, jitterMs: 40, lossPct: 9, mos: 2.1 });
 */
export const callQualitySchema = qualityMetricsSchema.extend({
  level: qualityLevelSchema,
  reason: z.string().optional(),
});
export type CallQuality = z.infer<typeof callQualitySchema>;

/**
 * A call as browsers see it (`call:updated`, `board:snapshot`). Never carries SDP or tokens.
 *
 * @example
 * const view: CallView = { id: 'call_1', channel: 'whatsapp', direction: 'inbound', state: 'ringing',
 *   caller: { name: 'Rahul', number: '+918097530000' }, called: { channelId: 'ch_1', label: '+91 91299 50000' } };
 */
export const callViewSchema = z.object({
  id,
  channel: channelSchema,
  direction: callDirectionSchema,
  state: callStateSchema,
  agent: agentRefSchema.optional(),
  caller: callerSchema,
  called: calledSchema,
  startedAt: isoDateTimeSchema.optional(),
  answeredAt: isoDateTimeSchema.optional(),
  endedAt: isoDateTimeSchema.optional(),
  outcome: callOutcomeSchema.optional(),
  quality: callQualitySchema.optional(),
  /** Meta records (`record`), transcribes (`transcribe`) or both: the call card's badge */
  mediaCapture: z.enum(['record', 'transcribe', 'both']).optional(),
  /** its audio runs through Ringside's media engine (a supervisor may listen in) */
  anchored: z.boolean().optional(),
  /**
   * a ringing call the media engine answered because nobody was free: `queued` while the caller
   * hears the greeting, music and their place; `voicemail` while they leave a message
   */
  waiting: z.enum(['queued', 'voicemail']).optional(),
});
export type CallView = z.infer<typeof callViewSchema>;

const count = z.number().int().nonnegative();

/**
 * An agent as the board shows them (`agent:updated`, `board:snapshot`), with how many calls
 * they answered today (UTC day; absent from servers that predate it).
 *
 * @example
 * agentViewSchema.parse({ userId: 'u_1', name: 'Asha', status: 'busy', since: new Date().toISOString(), currentCallId: 'call_1', answeredToday: 4 });
 */
export const agentViewSchema = z.object({
  userId: id,
  name: z.string(),
  status: agentStatusSchema,
  since: isoDateTimeSchema,
  currentCallId: id.optional(),
  answeredToday: count.optional(),
  /** in timed after-call work: when it ends by itself */
  wrapUpUntil: isoDateTimeSchema.optional(),
});
export type AgentView = z.infer<typeof agentViewSchema>;

/**
 * Today's figures for the supervisor board (`board:snapshot`, `board:counters`). Averages and
 * shares are `null` before any answered call; `averageCallMs` is the average talk time (answer
 * to end) of today's answered calls, absent from servers that predate it; `averageHandleMs` adds
 * the after-call work.
 *
 * @example
 * boardCountersSchema.parse({ waiting: 1, answered: 12, missed: 2, averageAnswerMs: 6400, answeredWithin20sShare: 0.92, averageCallMs: 184000 });
 */
export const boardCountersSchema = z.object({
  waiting: count,
  answered: count,
  missed: count,
  averageAnswerMs: z.number().nonnegative().nullable(),
  // a share between 0 and 1, not a percentage
  answeredWithin20sShare: z.number().min(0).max(1).nullable(),
  averageCallMs: z.number().nonnegative().nullable().optional(),
  /**
   * average handle time of today's answered calls: talk plus the after-call work that followed
   * (none on channels without it); absent from servers that predate it
   */
  averageHandleMs: z.number().nonnegative().nullable().optional(),
  /** customers waiting for a call back (one per customer and line); absent from older servers */
  callbacksWaiting: count.optional(),
  /** when the longest-waiting of them first missed us; null when none wait */
  oldestCallbackWaitingSince: isoDateTimeSchema.nullable().optional(),
});
export type BoardCounters = z.infer<typeof boardCountersSchema>;
