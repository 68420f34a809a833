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
    };

export type FleetReply =
  | { readonly kind: 'connected'; readonly group: string; readonly sockets: number }
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
    };
