import type { Channel, Direction } from './sim-call';

export type PermissionStatus = 'no_permission' | 'temporary' | 'permanent';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** a temporary permission lasts 7 days */
export const TEMPORARY_PERMISSION_MS = 7 * DAY;

/**
 * Meta's limits per business–user pair. WhatsApp (*Obtain user call permissions*): 1 request a
 * day and 2 a week, 100 connected business-initiated calls a day, 2 unanswered or rejected
 * calls in a row prompt the user and 4 revoke the permission. Messenger (*Check and obtain call
 * permissions*): 2 requests per thread a day; its connected-call quota has no published figure,
 * so WhatsApp's is used.
 */
export const PERMISSION_LIMITS = {
  connectedCallsPerDay: 100,
  missedBeforePrompt: 2,
  missedBeforeRevoke: 4,
} as const;

/** how many permission requests each channel allows in each period */
export const REQUEST_LIMITS: Readonly<
  Record<Channel, ReadonlyArray<{ period: PermissionLimit['time_period']; max: number }>>
> = {
  whatsapp: [
    { period: 'PT24H', max: 1 },
    { period: 'P7D', max: 2 },
  ],
  messenger: [{ period: 'PT24H', max: 2 }],
};

const PERIOD_MS: Readonly<Record<PermissionLimit['time_period'], number>> = {
  PT24H: DAY,
  P7D: 7 * DAY,
};

// type aliases, not interfaces, so they fit the contracts' loose (index-signed) reply types
export type PermissionLimit = {
  time_period: 'PT24H' | 'P7D';
  max_allowed: number;
  current_usage: number;
  limit_expiration_time?: number;
};

export type PermissionAction = {
  action_name: 'send_call_permission_request' | 'start_call';
  can_perform_action: boolean;
  limits: PermissionLimit[];
};

/** what `GET /{phone-number-id}/call_permissions` reports */
export interface PermissionView {
  status: PermissionStatus;
  /** epoch ms, temporary only */
  expiresAt: number | null;
  actions: PermissionAction[];
}

/** why a permission action is refused, as a Meta error code */
export type PermissionRefusal = 138006 | 138009 | 138012 | 138017;

interface PermissionRecord {
  status: PermissionStatus;
  expiresAt: number | null;
  requests: number[];
  connectedCalls: number[];
  missedInRow: number;
}

/**
 * Call permissions per business–user pair, with Meta's limits. Temporary permissions lapse
 * silently (no webhook), as in life.
 *
 * @example
 * const book = new PermissionBook(Date.now);
 * book.set('whatsapp', '1150…', '1555…', 'temporary');
 * book.refuseCall('whatsapp', '1150…', '1555…'); // null: the call may start
 */
export class PermissionBook {
  readonly #records = new Map<string, PermissionRecord>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  set(
    channel: Channel,
    businessId: string,
    userId: string,
    status: PermissionStatus,
    expiresAt?: number | null,
  ): void {
    const record = this.#record(channel, businessId, userId);
    record.status = status;
    record.expiresAt =
      status === 'temporary' ? (expiresAt ?? this.#now() + TEMPORARY_PERMISSION_MS) : null;
    if (status !== 'no_permission') record.missedInRow = 0;
  }

  status(channel: Channel, businessId: string, userId: string): PermissionStatus {
    return this.#record(channel, businessId, userId).status;
  }

  view(channel: Channel, businessId: string, userId: string): PermissionView {
    const record = this.#record(channel, businessId, userId);
    const now = this.#now();
    const calls = within(record.connectedCalls, now, DAY);
    return {
      status: record.status,
      expiresAt: record.expiresAt,
      actions: [
        {
          action_name: 'send_call_permission_request',
          can_perform_action: this.refuseRequest(channel, businessId, userId) === null,
          limits: REQUEST_LIMITS[channel].map(({ period, max }) =>
            limit(period, max, within(record.requests, now, PERIOD_MS[period]), PERIOD_MS[period]),
          ),
        },
        {
          action_name: 'start_call',
          can_perform_action: this.refuseCall(channel, businessId, userId) === null,
          limits: [limit('PT24H', PERMISSION_LIMITS.connectedCallsPerDay, calls, DAY)],
        },
      ],
    };
  }

  /** null when a permission request may be sent now */
  refuseRequest(channel: Channel, businessId: string, userId: string): PermissionRefusal | null {
    const record = this.#record(channel, businessId, userId);
    // messenger has no permanent permission to refuse on (it knows has_permission only)
    if (channel === 'whatsapp' && record.status === 'permanent') return 138017;
    const now = this.#now();
    const over = REQUEST_LIMITS[channel].some(
      ({ period, max }) => within(record.requests, now, PERIOD_MS[period]).length >= max,
    );
    return over ? 138009 : null;
  }

  /** null when a business-initiated call may start now */
  refuseCall(channel: Channel, businessId: string, userId: string): PermissionRefusal | null {
    const record = this.#record(channel, businessId, userId);
    if (record.status === 'no_permission') return 138006;
    if (
      within(record.connectedCalls, this.#now(), DAY).length >=
      PERMISSION_LIMITS.connectedCallsPerDay
    ) {
      return 138012;
    }
    return null;
  }

  recordRequest(channel: Channel, businessId: string, userId: string): void {
    this.#record(channel, businessId, userId).requests.push(this.#now());
  }

  /**
   * A connected call, in either direction, resets the request limits and the missed-call run;
   * a business-initiated one also counts towards the daily connected-call limit.
   */
  recordConnected(
    channel: Channel,
    businessId: string,
    userId: string,
    direction: Direction,
  ): void {
    const record = this.#record(channel, businessId, userId);
    if (direction === 'business_initiated') record.connectedCalls.push(this.#now());
    record.requests = [];
    record.missedInRow = 0;
  }

  /**
   * Counts a business-initiated call the user did not answer or rejected; the fourth in a row
   * revokes the permission (Meta then sends an automatic `reject` permission reply).
   */
  recordMissed(
    channel: Channel,
    businessId: string,
    userId: string,
  ): 'prompted' | 'revoked' | null {
    const record = this.#record(channel, businessId, userId);
    record.missedInRow += 1;
    if (record.missedInRow >= PERMISSION_LIMITS.missedBeforeRevoke) {
      const had = record.status !== 'no_permission';
      record.status = 'no_permission';
      record.expiresAt = null;
      record.missedInRow = 0;
      return had ? 'revoked' : null;
    }
    return record.missedInRow === PERMISSION_LIMITS.missedBeforePrompt ? 'prompted' : null;
  }

  #record(channel: Channel, businessId: string, userId: string): PermissionRecord {
    const key = `${channel}:${businessId}:${userId}`;
    let record = this.#records.get(key);
    if (!record) {
      record = {
        status: 'no_permission',
        expiresAt: null,
        requests: [],
        connectedCalls: [],
        missedInRow: 0,
      };
      this.#records.set(key, record);
    }
    // a temporary permission lapses without notice
    if (
      record.status === 'temporary' &&
      record.expiresAt !== null &&
      record.expiresAt <= this.#now()
    ) {
      record.status = 'no_permission';
      record.expiresAt = null;
    }
    return record;
  }
}

function within(times: number[], now: number, periodMs: number): number[] {
  return times.filter((t) => now - t < periodMs);
}

function limit(
  period: PermissionLimit['time_period'],
  max: number,
  usage: number[],
  periodMs: number,
): PermissionLimit {
  const oldest = usage[0];
  return {
    time_period: period,
    max_allowed: max,
    current_usage: usage.length,
    ...(usage.length >= max && oldest !== undefined
      ? { limit_expiration_time: Math.floor((oldest + periodMs) / 1000) }
      : {}),
  };
}
