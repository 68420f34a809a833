import type { LatencySummary } from './stats';

/** As many pairs as the server takes, from `connections` senders each waiting for its acks. */
export interface MaxRatePlan {
  readonly kind: 'max-rate';
  readonly connections: number;
  /** the run stops after this long… */
  readonly durationMs: number;
  /** …or after this many pairs, whichever comes first */
  readonly maxPairs: number;
}

/** Webhooks at a fixed rate, whatever the acks do (open loop: a slow ack does not slow the sender). */
export interface FixedRatePlan {
  readonly kind: 'fixed-rate';
  readonly perSecond: number;
  /** webhooks in all (half connects, half terminates) */
  readonly requests: number;
  readonly connections: number;
  /** how many later connects go out between a call's connect and its terminate */
  readonly terminateLag: number;
  /** once all are sent, how long answers are awaited before the rest are cut off */
  readonly graceMs: number;
}

/** One run of the webhook load generator against one endpoint. */
export interface LoadJob {
  /** the full webhook URL */
  readonly url: string;
  readonly appSecret: string;
  readonly phoneNumberId: string;
  /** unique per run, so call ids never repeat within a process */
  readonly runTag: string;
  readonly plan: MaxRatePlan | FixedRatePlan;
}

/** HTTP statuses the run got, by status ("0" for transport failures and timeouts) */
export type StatusCounts = Record<string, number>;

export type LoadResult =
  | {
      readonly kind: 'max-rate';
      /** pairs whose connect and terminate were both answered 200 within the measured time */
      readonly pairs: number;
      readonly elapsedMs: number;
      readonly statuses: StatusCounts;
    }
  | {
      readonly kind: 'fixed-rate';
      readonly sent: number;
      /**
       * ack latency from each request's scheduled send time, over every request: one that failed
       * or was cut off counts with the time it took to fail (a lower bound), never left out
       */
      readonly latency: LatencySummary | undefined;
      readonly elapsedMs: number;
      readonly statuses: StatusCounts;
      /** how far behind its schedule the sender itself fell; large means the figure is suspect */
      readonly senderLagMs: number;
    };
