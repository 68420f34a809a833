import { outgoingEventSchema } from '@ringside/contracts';
import { SecretBoxError } from '../db/secret-box';
import type { Logger } from '../ops/logger';
import type { Repos } from '../repos';
import type { DeliveryRow } from '../repos/webhook-deliveries';
import type { SigningTarget } from '../repos/webhook-subscriptions';
import type { OutboxRow } from '../repos/outbox';
import { WEBHOOK_TOPIC_PREFIX } from '../repos/outgoing-events';
import { postEvent, type PostRequest, type PostResult } from './post-event';
import { DEFAULT_RETRY_POLICY, nextAttemptAt, type RetryPolicy } from './retry-policy';

/** Tuning of outgoing webhook delivery; every field has a default. */
export interface DispatcherOptions {
  /** how often to look for due work when idle; default 1 s */
  pollMs?: number;
  /** rows taken per round; default 20 */
  batchSize?: number;
  /** how long a claimed row stays hidden from other workers; default 60 s */
  leaseMs?: number;
  /** how long a receiver may take to answer; default 10 s */
  requestTimeoutMs?: number;
  /** requests in flight at once on this node, all receivers together; default 32 */
  maxInFlight?: number;
  /**
   * requests in flight at once to one receiver (subscription); default 4: a receiver that hangs
   * holds at most this many slots and never holds up another's deliveries
   */
  perReceiver?: number;
  /** requests in flight at once for one workspace, all its receivers together; default 8 */
  perWorkspace?: number;
  /**
   * deliver to receivers on this machine or a private network too; default false: only public
   * addresses, so an admin cannot point webhooks at services inside the server's network
   */
  allowPrivateNetwork?: boolean;
  retry?: RetryPolicy;
  random?: () => number;
  /** the HTTP sender (tests may wrap it) */
  post?: (request: PostRequest) => Promise<PostResult>;
}

const DEFAULTS = {
  pollMs: 1_000,
  batchSize: 20,
  leaseMs: 60_000,
  requestTimeoutMs: 10_000,
  maxInFlight: 32,
  perReceiver: 4,
  perWorkspace: 8,
  allowPrivateNetwork: false,
};

/**
 * Delivers outgoing event webhooks from the database, at least once: events in the outbox are
 * fanned out to the workspace's subscriptions (one delivery row each), then due deliveries are
 * claimed with a lease, POSTed, and marked delivered or rescheduled with backoff. All state is
 * in the database, so a restart (or another node) carries on where this one stopped.
 *
 * @example
 * const dispatcher = createDispatcher({ repos, clock, logger });
 * dispatcher.start();
 * // …
 * await dispatcher.stop(); // waits for requests in flight
 */
export function createDispatcher(deps: {
  repos: Repos;
  clock: () => Date;
  logger: Logger;
  options?: DispatcherOptions;
}) {
  const options = { ...DEFAULTS, ...deps.options };
  const retry = deps.options?.retry ?? DEFAULT_RETRY_POLICY;
  const random = deps.options?.random ?? Math.random;
  const post = deps.options?.post ?? postEvent;
  const { repos, logger } = deps;

  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  /** outbox → deliveries: one row per subscription that wants the event */
  async function fanOutDue(): Promise<number> {
    const now = deps.clock();
    const messages = await repos.outbox.claimDue(now, options.batchSize, options.leaseMs);
    for (const message of messages) {
      if (!message.topic.startsWith(WEBHOOK_TOPIC_PREFIX)) {
        // not ours to deliver: park it well out of the way rather than spin on it
        logger.warn(
          { outboxId: message.id, topic: message.topic },
          'outbox message with no consumer',
        );
        await repos.outbox.markFailed(
          message.id,
          `no consumer for topic ${message.topic}`,
          new Date(now.getTime() + 24 * 3_600_000),
        );
        continue;
      }
      try {
        await fanOut(message);
        await repos.outbox.markDelivered(message.id, deps.clock());
      } catch (error) {
        logger.error({ err: error, outboxId: message.id }, 'outgoing event fan-out failed');
        const unlimited = { ...retry, maxAttempts: Number.POSITIVE_INFINITY };
        const retryAt = nextAttemptAt(message.attempts, unlimited, deps.clock(), random);
        await repos.outbox.markFailed(message.id, 'fan-out failed', retryAt ?? deps.clock());
      }
    }
    return messages.length;
  }

  async function fanOut(message: OutboxRow): Promise<void> {
    const parsed = outgoingEventSchema.safeParse(message.payload);
    if (!parsed.success) throw new Error(`stored event ${message.id} does not parse`);
    const event = parsed.data;
    const subscribers = await repos.webhookSubscriptions.subscribersOf(
      message.workspaceId,
      event.event,
    );
    await repos.webhookDeliveries.fanOut(
      {
        workspaceId: message.workspaceId,
        eventId: event.id,
        event: event.event,
        // fixed key order: the body is signed as stored, so every retry sends these bytes
        body: JSON.stringify({
          event: event.event,
          id: event.id,
          createdAt: event.createdAt,
          data: event.data,
        }),
      },
      subscribers.map((s) => s.id),
      retry.maxAttempts,
      deps.clock(),
    );
  }

  /** one attempt at one claimed delivery; records how it went */
  async function attempt(row: DeliveryRow): Promise<PostResult | undefined> {
    let target: SigningTarget | undefined;
    try {
      target = await repos.webhookSubscriptions.signingTarget(row.subscriptionId);
    } catch (error) {
      if (!(error instanceof SecretBoxError)) throw error;
      const outcome = { error: 'The signing secret cannot be read (was SECRETS_KEY changed?).' };
      await repos.webhookDeliveries.markAttemptFailed(row.id, outcome, retryAt(row));
      return { ok: false, ...outcome };
    }
    if (!target || !target.active) {
      await repos.webhookDeliveries.cancel(row.id, 'The subscription is disabled.');
      return undefined;
    }
    const result = await post({
      url: target.url,
      secret: target.secret,
      body: row.body,
      eventId: row.eventId,
      event: row.event,
      timeoutMs: options.requestTimeoutMs,
      allowPrivateNetwork: options.allowPrivateNetwork,
    });
    if (result.ok) {
      await repos.webhookDeliveries.markDelivered(row.id, result.statusCode, deps.clock());
    } else {
      logger.info(
        { deliveryId: row.id, attempts: row.attempts, statusCode: result.statusCode },
        'outgoing webhook attempt failed',
      );
      await repos.webhookDeliveries.markAttemptFailed(row.id, result, retryAt(row));
    }
    return result;
  }

  function retryAt(row: DeliveryRow): Date | null {
    return nextAttemptAt(
      row.attempts,
      { ...retry, maxAttempts: row.maxAttempts },
      deps.clock(),
      random,
    );
  }

  // deliveries in flight on this node, by subscription id and by workspace id
  const busySubscriptions = new Map<string, number>();
  const busyWorkspaces = new Map<string, number>();
  const inFlight = new Set<Promise<void>>();

  /**
   * claims due deliveries for free slots (each receiver and workspace up to its share, counting
   * what it has in flight) and starts them without waiting; resolves once they are started,
   * with how many and a promise of their end
   */
  async function startDue(): Promise<{ started: number; finished: Promise<unknown> }> {
    const free = Math.min(options.batchSize, options.maxInFlight - inFlight.size);
    if (free <= 0) return { started: 0, finished: Promise.resolve() };
    const rows = await repos.webhookDeliveries.claimDue(deps.clock(), free, options.leaseMs, {
      perSubscription: options.perReceiver,
      perWorkspace: options.perWorkspace,
      busySubscriptions: Object.fromEntries(busySubscriptions),
      busyWorkspaces: Object.fromEntries(busyWorkspaces),
    });
    const started = rows.map((row) => {
      count(busySubscriptions, row.subscriptionId, +1);
      count(busyWorkspaces, row.workspaceId, +1);
      const one = attempt(row)
        .then(
          () => undefined,
          (error: unknown) =>
            logger.error({ err: error, deliveryId: row.id }, 'outgoing webhook delivery failed'),
        )
        .finally(() => {
          count(busySubscriptions, row.subscriptionId, -1);
          count(busyWorkspaces, row.workspaceId, -1);
          inFlight.delete(one);
          // a freed slot or receiver may have work waiting
          wake?.();
        });
      inFlight.add(one);
      return one;
    });
    return { started: rows.length, finished: Promise.all(started) };
  }

  /**
   * one round: fan out due events, then deliver due rows and wait for those requests; returns
   * how many rows it handled
   */
  async function runOnce(): Promise<number> {
    const fanned = await fanOutDue();
    const { started, finished } = await startDue();
    await finished;
    return fanned + started;
  }

  // the background loop does not wait for requests: a receiver that hangs keeps its own slots
  // busy until its timeout, while every other receiver's deliveries go on
  async function run(): Promise<void> {
    while (running) {
      let handled = 0;
      try {
        handled = (await fanOutDue()) + (await startDue()).started;
      } catch (error) {
        logger.error({ err: error }, 'outgoing webhook round failed');
      }
      if (!running) return;
      if (handled === 0) await sleep(options.pollMs);
    }
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });
  }

  return {
    /** starts the background loop (idempotent) */
    start(): void {
      if (running) return;
      running = true;
      loop = run();
    },
    /** looks for work now instead of at the next poll */
    kick(): void {
      wake?.();
    },
    /** stops the loop after the round in progress; requests in flight finish and are recorded */
    async stop(): Promise<void> {
      running = false;
      wake?.();
      await loop;
      loop = undefined;
      await Promise.all([...inFlight]);
    },
    runOnce,
    /**
     * Sends a delivery now, outside the loop (the "send test event" button); the row must be
     * stored claimed (`startDelivery`). Resolves with the receiver's answer, undefined when
     * the subscription is disabled.
     */
    deliverNow: attempt,
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;

function count(counts: Map<string, number>, key: string, by: 1 | -1): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next <= 0) counts.delete(key);
  else counts.set(key, next);
}
