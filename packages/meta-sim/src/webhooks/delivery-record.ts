import type { Channel } from '../engine/sim-call';

/** one POST of a delivery */
export interface DeliveryAttempt {
  /** 1 for the first try */
  attempt: number;
  url: string;
  /** epoch ms when the attempt started */
  at: number;
  durationMs: number;
  /** the receiver's HTTP status; null when no answer came (refused, timed out) */
  status: number | null;
  error: string | null;
  /** the start of the receiver's reply, for debugging */
  responseText: string;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed' | 'skipped' | 'cancelled';

/** one body Meta sends (and resends until 2xx) */
export interface WebhookDelivery {
  id: string;
  /** what the body reports, in order */
  events: Array<{ channel: Channel; kind: string; callId: string | null }>;
  /** the exact bytes sent */
  body: string;
  /** the parsed body, for assertions */
  payload: unknown;
  /** `X-Hub-Signature-256` */
  signature: string;
  /** set on an injected duplicate: the delivery it copies */
  duplicateOf: string | null;
  state: DeliveryState;
  attempts: DeliveryAttempt[];
  createdAt: number;
}

/** a filter for `deliveries()`; every given field must match */
export interface DeliveryFilter {
  kind?: string;
  callId?: string;
  channel?: Channel;
  state?: DeliveryState;
}

export function matchesDelivery(delivery: WebhookDelivery, filter: DeliveryFilter = {}): boolean {
  if (filter.state !== undefined && delivery.state !== filter.state) return false;
  return delivery.events.some(
    (e) =>
      (filter.kind === undefined || e.kind === filter.kind) &&
      (filter.callId === undefined || e.callId === filter.callId) &&
      (filter.channel === undefined || e.channel === filter.channel),
  );
}

/** a deep copy, so callers cannot change the record */
export function copyDelivery(delivery: WebhookDelivery): WebhookDelivery {
  return {
    ...delivery,
    events: delivery.events.map((e) => ({ ...e })),
    payload: structuredClone(delivery.payload),
    attempts: delivery.attempts.map((a) => ({ ...a })),
  };
}
