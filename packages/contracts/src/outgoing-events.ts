import { z } from 'zod';
import {
  callDirectionSchema,
  callOutcomeSchema,
  channelSchema,
  e164Schema,
  isoDateTimeSchema,
} from './call-outcome';
import { agentRefSchema, callerSchema } from './socket-views';

/**
 * Every event a CRM can subscribe to (a subscription may also list `*`).
 *
 * @example
 * OUTGOING_EVENT_NAMES.includes('call.missed'); // true
 */
export const OUTGOING_EVENT_NAMES = [
  'call.ringing',
  'call.answered',
  'call.ended',
  'call.missed',
  'call.permission_updated',
] as const;

/**
 * One outgoing event name.
 *
 * @example
 * outgoingEventNameSchema.parse('call.ended');
 */
export const outgoingEventNameSchema = z.enum(OUTGOING_EVENT_NAMES);
export type OutgoingEventName = z.infer<typeof outgoingEventNameSchema>;

// the customer as on a ringing call: E.164 number and/or business-scoped userId with username
// (WhatsApp; the number only when Meta sent it), or PSID (Messenger)
const customerSchema = callerSchema;

/** Our side: the channel, and its E.164 number (WhatsApp) or Page id (Messenger). */
const businessSchema = z.object({
  channelId: z.string().min(1),
  label: z.string(),
  number: e164Schema.optional(),
  pageId: z.string().min(1).optional(),
});

const callData = z.object({
  callId: z.string().min(1),
  /** meta's own id for the call (WhatsApp `wacid.…`, Messenger `c_…`) */
  metaCallId: z.string().min(1).optional(),
  channel: channelSchema,
  direction: callDirectionSchema,
  customer: customerSchema,
  business: businessSchema,
});

/**
 * `call.ringing`: a call started ringing (inbound) or was placed (outbound).
 *
 * @example
 * callRingingDataSchema.parse({ ...call, ringingSince: '2025-07-21T16:27:13Z' });
 */
export const callRingingDataSchema = callData.extend({ ringingSince: isoDateTimeSchema });
export type CallRingingData = z.infer<typeof callRingingDataSchema>;

/**
 * `call.answered`: an agent took the call and media is flowing.
 *
 * @example
 * callAnsweredDataSchema.parse({ ...call, answeredAt, agent: { userId: 'u_1', name: 'Asha' } });
 */
export const callAnsweredDataSchema = callData.extend({
  answeredAt: isoDateTimeSchema,
  agent: agentRefSchema,
});
export type CallAnsweredData = z.infer<typeof callAnsweredDataSchema>;

/**
 * `call.ended`: any call that ends, with its outcome and, for failures, Meta's error.
 *
 * @example
 * callEndedDataSchema.parse({ ...call, outcome: 'completed', startedAt, endedAt, durationSec: 180 });
 */
export const callEndedDataSchema = callData.extend({
  outcome: callOutcomeSchema,
  startedAt: isoDateTimeSchema,
  answeredAt: isoDateTimeSchema.optional(),
  endedAt: isoDateTimeSchema,
  durationSec: z.number().int().nonnegative(),
  agent: agentRefSchema.optional(),
  disposition: z.string().optional(),
  metaError: z.object({ code: z.number().int(), meaning: z.string() }).optional(),
});
export type CallEndedData = z.infer<typeof callEndedDataSchema>;

/**
 * `call.missed`: an inbound call nobody answered, or that the caller gave up while ringing.
 *
 * @example
 * callMissedDataSchema.parse({ ...call, reason: 'no-agent-answered', ringingSince, endedAt });
 */
export const callMissedDataSchema = callData.extend({
  reason: z.enum(['no-agent-answered', 'caller-hung-up', 'no-agent-available']),
  ringingSince: isoDateTimeSchema,
  endedAt: isoDateTimeSchema,
});
export type CallMissedData = z.infer<typeof callMissedDataSchema>;

/**
 * `call.permission_updated`: a customer answered our request to call them.
 *
 * @example
 * permissionUpdatedDataSchema.parse({ channel: 'whatsapp', business, customer, status: 'granted', permanent: false, expiresAt });
 */
export const permissionUpdatedDataSchema = z.object({
  channel: channelSchema,
  business: businessSchema,
  customer: customerSchema,
  status: z.enum(['granted', 'denied']),
  permanent: z.boolean().optional(),
  expiresAt: isoDateTimeSchema.optional(),
});
export type PermissionUpdatedData = z.infer<typeof permissionUpdatedDataSchema>;

const envelope = {
  // stable per event: receivers deduplicate on it (also sent as Idempotency-Key)
  id: z.string().min(1),
  createdAt: isoDateTimeSchema,
};

/**
 * The JSON body POSTed to subscribers, told apart by `event`; `data` is camelCase with E.164
 * numbers. Signed with `X-Ringside-Signature` (see `@ringside/contracts/signature`).
 *
 * @example
 * const event = outgoingEventSchema.parse(JSON.parse(rawBody));
 * if (event.event === 'call.missed') scheduleCallback(event.data.customer);
 */
export const outgoingEventSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('call.ringing'), ...envelope, data: callRingingDataSchema }),
  z.object({ event: z.literal('call.answered'), ...envelope, data: callAnsweredDataSchema }),
  z.object({ event: z.literal('call.ended'), ...envelope, data: callEndedDataSchema }),
  z.object({ event: z.literal('call.missed'), ...envelope, data: callMissedDataSchema }),
  z.object({
    event: z.literal('call.permission_updated'),
    ...envelope,
    data: permissionUpdatedDataSchema,
  }),
]);
export type OutgoingEvent = z.infer<typeof outgoingEventSchema>;

/**
 * A subscription's event filter item: one event name, or `*` for all.
 *
 * @example
 * subscriptionEventSchema.parse('*');
 */
export const subscriptionEventSchema = z.union([outgoingEventNameSchema, z.literal('*')]);
export type SubscriptionEvent = z.infer<typeof subscriptionEventSchema>;

/**
 * Whether a subscription listing `events` receives `name`.
 *
 * @example
 * subscriptionWants(['call.ended'], 'call.missed'); // false
 * subscriptionWants(['*'], 'call.missed'); // true
 */
export function subscriptionWants(
  events: readonly SubscriptionEvent[],
  name: OutgoingEventName,
): boolean {
  return events.includes('*') || events.includes(name);
}
