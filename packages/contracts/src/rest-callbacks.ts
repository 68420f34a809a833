import { z } from 'zod';
import { channelSchema, isoDateTimeSchema } from './call-outcome';
import { idSchema } from './rest-common';
import { agentRefSchema, calledSchema, callerSchema } from './socket-views';

/**
 * One customer to call back on one line: their latest missed call (`callId`, what the
 * claim/release/done routes take), how many times they tried since they were last reached or
 * last marked done, who said they would call back, and whether they left a voicemail.
 *
 * @example
 * callbackSchema.parse({ callId: 'c1', channel: 'whatsapp', caller: { number: '+447700900654' },
 *   called: { channelId: 'ch1', label: '+44 20 7946 0000' }, firstMissedAt: '2026-12-07T09:00:00.000Z',
 *   lastMissedAt: '2026-12-07T09:05:00.000Z', tries: 2 });
 */
export const callbackSchema = z.object({
  callId: idSchema,
  channel: channelSchema,
  caller: callerSchema,
  called: calledSchema,
  firstMissedAt: isoDateTimeSchema,
  lastMissedAt: isoDateTimeSchema,
  tries: z.number().int().positive(),
  claimedBy: agentRefSchema.optional(),
  claimedAt: isoDateTimeSchema.optional(),
  /**
   * the latest missed call left a voicemail (a queued caller nobody reached in time), played
   * from `GET /api/calls/:callId/voicemail`
   */
  voicemail: z.boolean().optional(),
});
export type Callback = z.infer<typeof callbackSchema>;

/**
 * `GET /api/callbacks` reply: oldest waiting first.
 *
 * @example
 * callbacksReplySchema.parse({ items: [] });
 */
export const callbacksReplySchema = z.object({ items: z.array(callbackSchema) });
export type CallbacksReply = z.infer<typeof callbacksReplySchema>;
