import type { CallService } from '../calls/call-service';
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';
import type { Repos } from '../repos';
import { createClockSkew } from './clock-skew';
import { createGroupCommit } from './group-commit';
import { createWebhookIngest } from './webhook-ingest';
import { limitWebhooksInFlight } from './webhook-in-flight';
import { createWebhookPostHandler, type WebhookPostOptions } from './webhook-post';
import { createWebhookProcessor } from './webhook-processor';
import type { RetryPolicy } from './webhook-retries';

/**
 * Meta's deliveries from the socket to the call loop: signature check and a cap on bodies in
 * flight (`post`), storage (deliveries that arrive together are stored by one statement), then
 * the processor applying each stored event to its call, giving way to storage.
 *
 * @example
 * const intake = createWebhookIntake({ repos, calls, secrets, metrics, logger, clock, maxInFlight: 64 });
 * createServer((req, res) => (isWebhookPost(req) ? intake.post(req, res) : app(req, res)));
 * intake.processor.kick(); // at start-up: events an earlier process stored but did not apply
 */
export function createWebhookIntake(deps: {
  repos: Pick<Repos, 'webhookReceipts'>;
  calls: Pick<CallService, 'applyWebhookEvent'>;
  secrets: WebhookPostOptions['secrets'];
  metrics: Metrics;
  logger: Logger;
  clock: () => Date;
  maxInFlight: number;
  /** how failing events are retried before they become dead letters (tests shorten it) */
  retries?: Partial<RetryPolicy> | undefined;
  /** how many calls' events are applied at once (webhook-processor.ts) */
  concurrency?: number | undefined;
}) {
  const { repos, metrics, logger } = deps;
  const groupCommit = createGroupCommit((receipts) =>
    repos.webhookReceipts.storeReceipts(receipts),
  );
  const processor = createWebhookProcessor({
    receipts: repos.webhookReceipts,
    apply: async (event, key, { mayDefer }) => {
      const applied = await deps.calls.applyWebhookEvent(event, key, { mayDefer });
      return { marked: applied.marked, deferred: applied.outcome === 'deferred' };
    },
    logger,
    foreground: groupCommit,
    retries: deps.retries,
    ...(deps.concurrency === undefined ? {} : { concurrency: deps.concurrency }),
    onDeadLetter: (event) => metrics.webhookDeadLetters.inc({ kind: event.kind }),
  });
  const post = limitWebhooksInFlight(
    createWebhookPostHandler({
      secrets: deps.secrets,
      ingest: createWebhookIngest({
        receipts: { storeReceipt: groupCommit.store },
        metrics,
        logger,
        onStored: processor.enqueue,
        skew: createClockSkew(() => deps.clock().getTime()),
      }),
      metrics,
      logger,
    }),
    { max: deps.maxInFlight, metrics },
  );
  return { processor, post };
}
