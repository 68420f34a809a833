import type { Channel } from './sim-call';

export type PermissionStatus = 'no_permission' | 'temporary' | 'permanent';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** a temporary permission lasts 7 days */
export const TEMPORARY_PERMISSION_MS = 7 * DAY;

/** Meta's limits per business–user pair (meta-calling.md §2.8) */
export const PERMISSION_LIMITS = {
  requestsPerDay: 1,
  requestsPerWeek: 2,
  connectedCallsPerDay: 100,
  unansweredBeforePrompt: 2,
  unansweredBeforeRevoke: 4,
} as const;

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
  unansweredInRow: number;
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
    if (status !== 'no_permission') record.unansweredInRow = 0;
  }

  status(channel: Channel, businessId: string, userId: string): PermissionStatus {
    return this.#record(channel, businessId, userId).status;
  }

  view(channel: Channel, businessId: string, userId: string): PermissionView {
    const record = this.#record(channel, businessId, userId);
    const now = this.#now();
    const day = within(record.requests, now, DAY);
    const week = within(record.requests, now, 7 * DAY);
    const calls = within(record.connectedCalls, now, DAY);
    return {
      status: record.status,
      expiresAt: record.expiresAt,
      actions: [
        {
          action_name: 'send_call_permission_request',
          can_perform_action: this.refuseRequest(channel, businessId, userId) === null,
          limits: [
            limit('PT24H', PERMISSION_LIMITS.requestsPerDay, day, DAY),
            limit('P7D', PERMISSION_LIMITS.requestsPerWeek, week, 7 * DAY),
          ],
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
    if (record.status === 'permanent') return 138017;
    const now = this.#now();
    if (within(record.requests, now, DAY).length >= PERMISSION_LIMITS.requestsPerDay) return 138009;
    if (within(record.requests, now, 7 * DAY).length >= PERMISSION_LIMITS.requestsPerWeek) {
      return 138009;
    }
    return null;
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

  /** a connected business-initiated call resets the request limits */
  recordConnected(channel: Channel, businessId: string, userId: string): void {
    const record = this.#record(channel, businessId, userId);
    record.connectedCalls.push(this.#now());
    record.requests = [];
    record.unansweredInRow = 0;
  }

  /** counts an unanswered business-initiated call; the fourth in a row revokes permission */
  recordUnanswered(
    channel: Channel,
    businessId: string,
    userId: string,
  ): 'prompted' | 'revoked' | null {
    const record = this.#record(channel, businessId, userId);
    record.unansweredInRow += 1;
    if (record.unansweredInRow >= PERMISSION_LIMITS.unansweredBeforeRevoke) {
      record.status = 'no_permission';
      record.expiresAt = null;
      record.unansweredInRow = 0;
      return 'revoked';
    }
    return record.unansweredInRow === PERMISSION_LIMITS.unansweredBeforePrompt ? 'prompted' : null;
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
        unansweredInRow: 0,
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
