import type { WebhookInjection, WebhookRetryOptions } from '../engine/config';
import type { SimEvent } from '../engine/events';
import { TimerSet } from '../engine/timers';
import {
  copyDelivery,
  matchesDelivery,
  type DeliveryFilter,
  type WebhookDelivery,
} from './delivery-record';
import { mergeEvents } from './merge';
import { backoffMs, postAttempt } from './post-attempt';
import { encodeLikeMeta, type WebhookBody, type WebhookEvent } from './webhook-event';

export interface DispatcherOptions {
  url: string | null;
  /** signs the exact body bytes: returns the `X-Hub-Signature-256` value */
  sign: (body: string) => string;
  retry: WebhookRetryOptions;
  injection: WebhookInjection;
  random: () => number;
  emit: (event: SimEvent) => void;
}

/**
 * Sends webhooks like Meta: signed, retried with doubling delays until a 2xx, optionally
 * delayed, duplicated, reordered or batched. First attempts leave in order (so an undisturbed
 * run arrives in order); retries run on their own, so a retried event can land after later
 * ones, as in life.
 *
 * @example
 * const dispatcher = new WebhookDispatcher({ url, sign, retry, injection, random: Math.random, emit });
 * dispatcher.enqueue(waConnect(number, call, session, Date.now()));
 * await dispatcher.settled();
 */
export class WebhookDispatcher {
  readonly #options: DispatcherOptions;
  readonly #timers = new TimerSet();
  readonly #abort = new AbortController();
  readonly #deliveries: WebhookDelivery[] = [];
  readonly #running = new Set<Promise<void>>();
  #url: string | null;
  #held: WebhookEvent[] = [];
  #holding = false;
  /** events not yet turned into deliveries (delayed or held) */
  #waiting = 0;
  #firstAttempts: Promise<void> = Promise.resolve();
  #sequence = 0;

  constructor(options: DispatcherOptions) {
    this.#options = options;
    this.#url = options.url;
  }

  get url(): string | null {
    return this.#url;
  }

  /** where later deliveries go (earlier ones keep their URL) */
  setUrl(url: string | null): void {
    this.#url = url;
  }

  enqueue(event: WebhookEvent): void {
    if (this.#abort.signal.aborted) return;
    const { delayMs } = this.#options.injection;
    this.#waiting += 1;
    if (delayMs > 0) this.#timers.after(delayMs, () => this.#hold(event));
    else this.#hold(event);
  }

  deliveries(filter?: DeliveryFilter): WebhookDelivery[] {
    return this.#deliveries.filter((d) => matchesDelivery(d, filter)).map(copyDelivery);
  }

  /** resolves once nothing is waiting or being sent */
  async settled(): Promise<void> {
    while (this.#waiting > 0 || this.#running.size > 0) {
      if (this.#running.size > 0) await Promise.allSettled([...this.#running]);
      else await new Promise((resolve) => setTimeout(resolve, 10));
      if (this.#abort.signal.aborted) return;
    }
  }

  /** stops everything: held events are dropped, attempts in flight are cancelled */
  async close(): Promise<void> {
    this.#abort.abort();
    this.#timers.clear();
    this.#waiting = 0;
    this.#held = [];
    await Promise.allSettled([...this.#running]);
    for (const delivery of this.#deliveries) {
      if (delivery.state === 'pending') delivery.state = 'cancelled';
    }
  }

  #hold(event: WebhookEvent): void {
    const { reorder, batch, holdMs } = this.#options.injection;
    if (!reorder && !batch) {
      this.#waiting -= 1;
      this.#dispatch(event.body, [event]);
      return;
    }
    this.#held.push(event);
    if (this.#holding) return;
    this.#holding = true;
    this.#timers.after(holdMs, () => this.#flush());
  }

  #flush(): void {
    const { reorder, batch } = this.#options.injection;
    const events = reorder ? [...this.#held].reverse() : this.#held;
    this.#held = [];
    this.#holding = false;
    this.#waiting -= events.length;
    if (batch) {
      for (const body of mergeEvents(events)) {
        this.#dispatch(
          body,
          events.filter((e) => e.body.object === body.object),
        );
      }
    } else {
      for (const event of events) this.#dispatch(event.body, [event]);
    }
  }

  #dispatch(body: WebhookBody, events: WebhookEvent[]): void {
    const text = encodeLikeMeta(body);
    const delivery = this.#record(text, body, events, null);
    this.#send(delivery);
    if (this.#options.random() < this.#options.injection.duplicates) {
      // the same bytes again, as a retry after a lost acknowledgement would be
      this.#send(this.#record(text, body, events, delivery.id));
    }
  }

  #record(
    text: string,
    body: WebhookBody,
    events: WebhookEvent[],
    duplicateOf: string | null,
  ): WebhookDelivery {
    this.#sequence += 1;
    const delivery: WebhookDelivery = {
      id: `delivery-${this.#sequence}`,
      events: events.map((e) => ({ channel: e.channel, kind: e.kind, callId: e.callId })),
      body: text,
      payload: structuredClone(body),
      signature: this.#options.sign(text),
      duplicateOf,
      state: this.#url === null ? 'skipped' : 'pending',
      attempts: [],
      createdAt: Date.now(),
    };
    this.#deliveries.push(delivery);
    return delivery;
  }

  #send(delivery: WebhookDelivery): void {
    const url = this.#url;
    if (url === null) return;
    let firstDone!: () => void;
    const first = new Promise<void>((resolve) => (firstDone = resolve));
    const previous = this.#firstAttempts;
    this.#firstAttempts = first;
    const run = (async () => {
      try {
        await previous;
        await this.#attempts(delivery, url, firstDone);
      } finally {
        firstDone();
      }
    })();
    this.#running.add(run);
    void run.finally(() => this.#running.delete(run));
  }

  async #attempts(delivery: WebhookDelivery, url: string, firstDone: () => void): Promise<void> {
    const { retry } = this.#options;
    for (let attempt = 1; attempt <= retry.maxAttempts; attempt += 1) {
      if (this.#abort.signal.aborted) return;
      const result = await postAttempt({
        url,
        body: delivery.body,
        signature: delivery.signature,
        attempt,
        timeoutMs: retry.timeoutMs,
        signal: this.#abort.signal,
      });
      if (this.#abort.signal.aborted) return;
      delivery.attempts.push(result);
      this.#options.emit({
        type: 'webhook.attempt',
        deliveryId: delivery.id,
        attempt,
        status: result.status,
        error: result.error,
        events: delivery.events.map((e) => e.kind),
      });
      if (attempt === 1) firstDone();
      if (result.error === null) {
        delivery.state = 'delivered';
        return;
      }
      if (attempt < retry.maxAttempts) await this.#timers.sleep(backoffMs(attempt, retry));
    }
    if (!this.#abort.signal.aborted) delivery.state = 'failed';
  }
}
