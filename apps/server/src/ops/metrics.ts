import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The server's Prometheus metrics, one registry per app so tests and several apps in one
 * process never share counters.
 *
 * @example
 * const metrics = createMetrics();
 * metrics.webhooks.inc({ object: 'whatsapp_business_account', result: 'stored' });
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    webhooks: new Counter({
      name: 'ringside_webhooks_total',
      help: 'Meta webhook deliveries by object and result',
      labelNames: ['object', 'result'] as const,
      registers: [registry],
    }),
    webhookEvents: new Counter({
      name: 'ringside_webhook_events_total',
      help: 'Normalized webhook events by kind and result (new, duplicate, unowned, ignored)',
      labelNames: ['kind', 'result'] as const,
      registers: [registry],
    }),
    webhookDeadLetters: new Counter({
      name: 'ringside_webhook_dead_letters_total',
      help: 'Stored webhook events that kept failing and became dead letters (admins can retry them)',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    signatureFailures: new Counter({
      name: 'ringside_webhook_signature_failures_total',
      help: 'Webhook deliveries refused for a missing or wrong signature',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    graphLatency: new Histogram({
      name: 'ringside_graph_request_seconds',
      help: 'Graph API request latency by operation',
      labelNames: ['operation'] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
      registers: [registry],
    }),
    graphErrors: new Counter({
      name: 'ringside_graph_errors_total',
      help: 'Graph API failures by operation and Meta error code',
      labelNames: ['operation', 'code'] as const,
      registers: [registry],
    }),
    graphActions: new Counter({
      name: 'ringside_graph_actions_total',
      help: 'Call decisions (accept, reject, terminate) settled with Meta, by action and result',
      labelNames: ['action', 'result'] as const,
      registers: [registry],
    }),
    callsEnded: new Counter({
      name: 'ringside_calls_ended_total',
      help: 'Calls ended, by channel and outcome',
      labelNames: ['channel', 'outcome'] as const,
      registers: [registry],
    }),
    timeToAnswer: new Histogram({
      name: 'ringside_time_to_answer_seconds',
      help: 'From the connect webhook to the call going active',
      labelNames: ['channel'] as const,
      buckets: [1, 2, 5, 10, 15, 20, 30, 45, 60],
      registers: [registry],
    }),
    metaClockSkew: new Gauge({
      name: 'ringside_meta_clock_skew_seconds',
      help: 'How far our clock runs ahead of Meta event times (negative: behind), as corrected; 0 while untrusted',
      registers: [registry],
    }),
    skewCorrectedEvents: new Counter({
      name: 'ringside_webhook_skew_corrected_events_total',
      help: 'Webhook events whose Meta time was moved onto our clock',
      registers: [registry],
    }),
    sockets: new Gauge({
      name: 'ringside_sockets',
      help: 'Connected console sockets',
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
