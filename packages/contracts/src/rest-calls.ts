import { z } from 'zod';
import {
  callDirectionSchema,
  callOutcomeSchema,
  callStateSchema,
  channelSchema,
  isoDateTimeSchema,
} from './call-outcome';
import { callSourceSchema } from './call-source';
import { idSchema, optionalQuery, queryDateSchema } from './rest-common';
import { agentRefSchema, calledSchema, callerSchema, callQualitySchema } from './socket-views';

/** Largest page the call log serves. */
export const CALLS_PAGE_MAX = 200;
/** Page size when none is asked for. */
export const CALLS_PAGE_DEFAULT = 50;

/**
 * `GET /api/calls` query, coerced from query strings; empty values count as absent.
 *
 * @example
 * callsListQuerySchema.parse({ channel: 'whatsapp', limit: '20', from: '2025-07-01' });
 * // { channel: 'whatsapp', limit: 20, from: Date(2025-07-01) }
 */
export const callsListQuerySchema = z
  .object({
    channel: optionalQuery(channelSchema),
    outcome: optionalQuery(callOutcomeSchema),
    agent: optionalQuery(idSchema),
    q: optionalQuery(z.string().trim().max(200)),
    /** calls from the call link with this tag (`deeplink_payload`), exactly */
    tag: optionalQuery(z.string().trim().max(512)),
    /** calls from a call button with this `cta_payload`, exactly */
    cta: optionalQuery(z.string().trim().max(512)),
    /** words said in the call: part of its transcript by Meta, any case */
    said: optionalQuery(z.string().trim().max(200)),
    from: optionalQuery(queryDateSchema),
    to: optionalQuery(queryDateSchema),
    limit: z.coerce.number().int().min(1).max(CALLS_PAGE_MAX).default(CALLS_PAGE_DEFAULT),
    cursor: optionalQuery(z.string().max(512)),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: '`from` must not be after `to`',
    path: ['to'],
  });
export type CallsListQuery = z.infer<typeof callsListQuerySchema>;

/**
 * One row of the call log.
 *
 * @example
 * callSummarySchema.parse({ id: 'call_1', channel: 'whatsapp', direction: 'inbound', state: 'ended',
 *   outcome: 'completed', caller, called, startedAt, endedAt, durationSec: 180 });
 */
export const callSummarySchema = z.object({
  id: idSchema,
  /** meta's own id for the call (WhatsApp `wacid.…`, Messenger `c_…`), for support requests */
  metaCallId: z.string().min(1).optional(),
  channel: channelSchema,
  direction: callDirectionSchema,
  state: callStateSchema,
  outcome: callOutcomeSchema.optional(),
  caller: callerSchema,
  called: calledSchema,
  agent: agentRefSchema.optional(),
  startedAt: isoDateTimeSchema,
  answeredAt: isoDateTimeSchema.optional(),
  endedAt: isoDateTimeSchema.optional(),
  durationSec: z.number().int().nonnegative().optional(),
  disposition: z.string().optional(),
  metaError: z.object({ code: z.number().int(), meaning: z.string() }).optional(),
  source: callSourceSchema.optional(),
});
export type CallSummary = z.infer<typeof callSummarySchema>;

/**
 * `GET /api/calls` reply; `nextCursor` is `null` on the last page.
 *
 * @example
 * callsPageReplySchema.parse({ items: [], nextCursor: null });
 */
export const callsPageReplySchema = z.object({
  items: z.array(callSummarySchema),
  nextCursor: z.string().nullable(),
});
export type CallsPageReply = z.infer<typeof callsPageReplySchema>;

/**
 * One entry of a call's timeline: a webhook, a Graph request, an agent action, a state change.
 * `type` is a dotted name the server owns (`webhook.connect`, `graph.accept`, `agent.claimed`).
 *
 * @example
 * callEventSchema.parse({ at, type: 'state.changed', detail: { from: 'ringing', to: 'claimed' } });
 */
export const callEventSchema = z.object({
  at: isoDateTimeSchema,
  type: z.string().min(1),
  actor: agentRefSchema.optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
});
export type CallEvent = z.infer<typeof callEventSchema>;

/**
 * `GET /api/calls/:id`: the call, its notes, the latest quality the agent's browser reported
 * (absent when none was) and its timeline (oldest first).
 *
 * @example
 * callDetailReplySchema.parse({ ...summary, notes: 'Wants a refund', quality, events: [] });
 */
export const callDetailReplySchema = callSummarySchema.extend({
  notes: z.string().optional(),
  // optional: servers before this field and calls nobody measured send none
  quality: callQualitySchema.optional(),
  events: z.array(callEventSchema),
});
export type CallDetailReply = z.infer<typeof callDetailReplySchema>;

/**
 * After-call work: the agent's notes and disposition (**Save**).
 *
 * @example
 * callNotesBodySchema.parse({ notes: 'Refund issued', disposition: 'resolved' });
 */
export const callNotesBodySchema = z.object({
  notes: z.string().max(10_000),
  disposition: z.string().trim().min(1).max(100).optional(),
});
export type CallNotesBody = z.infer<typeof callNotesBodySchema>;
