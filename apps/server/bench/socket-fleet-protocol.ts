import type { CallRingingPayload } from '@ringside/contracts';

/**
 * Requests to the socket fleet, a child process holding every console socket of the fan-out
 * bench. Sockets are kept in named groups (one per server).
 */
export type FleetRequest =
  | {
      /** opens one socket per entry of `sockets` (its extra handshake headers) into `group` */
      readonly kind: 'connect';
      readonly group: string;
      readonly url: string;
      readonly sockets: readonly Record<string, string>[];
      /** sends `agent:set-status available` on each new socket and waits for the acks */
      readonly setAvailable: boolean;
    }
  | {
      /**
       * arms every socket of `group` for its next `call:ringing`, posts `body` to `webhookUrl`,
       * and times until the last socket has it
       */
      readonly kind: 'trial';
      readonly group: string;
      readonly webhookUrl: string;
      readonly body: string;
      readonly headers: Record<string, string>;
      readonly timeoutMs: number;
      /**
       * then posts this (the caller hanging up) and waits for `call:ended` on every socket, so
       * the next trial starts with quiet sockets; untimed
       */
      readonly hangUp?: { readonly body: string; readonly headers: Record<string, string> };
    }
  | {
      /** disconnects every socket of `group` and forgets the group */
      readonly kind: 'disconnect';
      readonly group: string;
    }
  | {
      /**
       * each call's connect webhook is posted and its own agent (the next socket of `from`)
       * accepts it, answers with an SDP and waits for `call:updated` active; the socket then
       * moves to `to`. `atOnce` calls are under way together.
       */
      readonly kind: 'take-calls';
      readonly from: string;
      readonly to: string;
      readonly webhookUrl: string;
      readonly calls: readonly FleetCall[];
      readonly atOnce: number;
      readonly timeoutMs: number;
    }
  | {
      /**
       * posts every call's connect webhook at once, times each until every socket of `group`
       * has its `call:ringing`, then hangs them all up and waits for `call:ended` everywhere
       */
      readonly kind: 'burst';
      readonly group: string;
      readonly webhookUrl: string;
      readonly calls: readonly (FleetCall & {
        readonly hangUp: { readonly body: string; readonly headers: Record<string, string> };
      })[];
      readonly timeoutMs: number;
    };

/** one customer's call, for the capacity bench: the connect webhook and who the caller is */
export interface FleetCall {
  readonly body: string;
  readonly headers: Record<string, string>;
  /** as `call:ringing` shows it: `+<digits>` */
  readonly callerNumber: string;
}

export type FleetReply =
  | { readonly kind: 'connected'; readonly group: string; readonly sockets: number }
  | { readonly kind: 'disconnected'; readonly group: string }
  | {
      readonly kind: 'trial';
      /** webhook sent → `call:ringing` on the last socket of the group */
      readonly latencyMs: number;
      /** the webhook's HTTP status */
      readonly status: number;
      readonly received: number;
      readonly expected: number;
      /** what the first socket received */
      readonly payload: CallRingingPayload | undefined;
    }
  /** webhook posted → call active, per call taken */
  | { readonly kind: 'taken'; readonly setupMs: readonly number[] }
  /** webhook posted → the last socket's `call:ringing`, per call of the burst */
  | { readonly kind: 'burst'; readonly latencyMs: readonly number[] };
