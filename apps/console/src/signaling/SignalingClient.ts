import type {
  AckResult,
  ClientToServerEvents,
  ErrorCode,
  ServerToClientEvents,
} from '@ringside/contracts';
import { isRecord } from '../api/http';
import { silentLogger, type Logger } from '../log';
import type { ConnectionState } from '../state/types';
import type { SignalingTransport } from './transport';
import { t } from '../i18n/i18n';

export type CommandName = keyof ClientToServerEvents;
export type CommandPayload<E extends CommandName> = Parameters<ClientToServerEvents[E]>[0];
type AckCallback<E extends CommandName> = Parameters<ClientToServerEvents[E]>[1];
/** the server's acknowledgement for command `E` */
export type CommandAck<E extends CommandName> = Parameters<AckCallback<E>>[0];

/** a command that failed: the server's reason, or ours when it never reached the server */
export interface SignalingError {
  code: ErrorCode | 'offline';
  message: string;
}

/** what `send` resolves with; it never rejects */
export type CommandResult<E extends CommandName> =
  Extract<CommandAck<E>, { ok: true }> | { ok: false; error: SignalingError };

export type ServerEventName = keyof ServerToClientEvents;
export type ServerEventPayload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];

export interface SignalingClientOptions {
  transport: SignalingTransport;
  /** how long a command waits for its acknowledgement */
  ackTimeoutMs?: number;
  /** after a refusal socket.io does not retry by itself; we do, after this long */
  retryAfterMs?: number;
  log?: Logger;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** the server's refusal when the user already has as many consoles open as it allows */
const TOO_MANY_CONSOLES = 'too many consoles';

// worded when read, in the console's language of that moment
const OFFLINE: SignalingError = {
  code: 'offline',
  get message() {
    return t('socket.offline');
  },
};
const NO_REPLY: SignalingError = {
  code: 'timeout',
  get message() {
    return t('socket.timeout');
  },
};
const BAD_REPLY: SignalingError = {
  code: 'internal',
  get message() {
    return t('http.badReply');
  },
};

/**
 * The console's one socket: typed commands that resolve with the server's result union (never
 * throw), typed server events, and a connection state the UI can show. socket.io reconnects
 * after network drops; `onConnected(true)` tells listeners to re-sync after a reconnect.
 *
 * @example
 * const client = new SignalingClient({ transport: createSocketIoTransport() });
 * client.on('call:ringing', (call) => store.getState().ringingAdded(toCard(call)));
 * client.connect();
 * const claim = await client.send('call:accept', { callId });
 * if (!claim.ok) showProblem(claim.error.message);
 */
export class SignalingClient {
  readonly #transport: SignalingTransport;
  readonly #ackTimeoutMs: number;
  readonly #retryAfterMs: number;
  readonly #log: Logger;
  readonly #setTimer: (run: () => void, ms: number) => unknown;
  readonly #clearTimer: (handle: unknown) => void;
  #state: ConnectionState = 'idle';
  #wanted = false;
  #everConnected = false;
  #retry: unknown = undefined;
  readonly #stateListeners = new Set<(state: ConnectionState) => void>();
  readonly #connectedListeners = new Set<(reconnected: boolean) => void>();
  readonly #refusedListeners = new Set<(reason: string) => void>();

  constructor(options: SignalingClientOptions) {
    this.#transport = options.transport;
    this.#ackTimeoutMs = options.ackTimeoutMs ?? 15_000;
    this.#retryAfterMs = options.retryAfterMs ?? 3_000;
    this.#log = options.log ?? silentLogger;
    this.#setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.#clearTimer =
      options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
    this.#transport.setLifecycle({
      connect: () => this.#onConnect(),
      disconnect: (reason) => this.#onDisconnect(reason),
      connectError: (message, willRetry) => this.#onConnectError(message, willRetry),
    });
  }

  get state(): ConnectionState {
    return this.#state;
  }

  connect(): void {
    if (this.#wanted) return;
    this.#wanted = true;
    this.#everConnected = false;
    this.#setState('connecting');
    this.#transport.open();
  }

  disconnect(): void {
    this.#wanted = false;
    this.#cancelRetry();
    this.#transport.close();
    this.#setState('idle');
  }

  /**
   * Sends a command and waits for its acknowledgement. Offline, it fails at once rather than
   * letting socket.io queue it: an accept delivered a minute late would be worse than none.
   */
  async send<E extends CommandName>(
    event: E,
    payload: CommandPayload<E>,
    timeoutMs = this.#ackTimeoutMs,
  ): Promise<CommandResult<E>> {
    if (!this.#transport.connected) return { ok: false, error: OFFLINE };
    let reply: unknown;
    try {
      reply = await this.#transport.request(event, payload, timeoutMs);
    } catch {
      this.#log.warn(`${event}: no acknowledgement within ${timeoutMs} ms`);
      return { ok: false, error: NO_REPLY };
    }
    return readAck<E>(reply);
  }

  /** listens to a server event; returns the unsubscribe */
  on<E extends ServerEventName>(
    event: E,
    handler: (payload: ServerEventPayload<E>) => void,
  ): () => void {
    return this.#transport.listen(event, (payload) => {
      // the server's emits are typed by the same contract; only refuse what is not an object
      if (!isRecord(payload)) {
        this.#log.warn(`${event}: ignored a payload that is not an object`);
        return;
      }
      handler(payload as ServerEventPayload<E>);
    });
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.#stateListeners.add(listener);
    return () => this.#stateListeners.delete(listener);
  }

  /** every successful (re)connection; `reconnected` is true after a drop */
  onConnected(listener: (reconnected: boolean) => void): () => void {
    this.#connectedListeners.add(listener);
    return () => this.#connectedListeners.delete(listener);
  }

  /** the server refused the session (signed out elsewhere, expired) */
  onRefused(listener: (reason: string) => void): () => void {
    this.#refusedListeners.add(listener);
    return () => this.#refusedListeners.delete(listener);
  }

  #onConnect(): void {
    this.#cancelRetry();
    const reconnected = this.#everConnected;
    this.#everConnected = true;
    this.#setState('connected');
    for (const listener of this.#connectedListeners) listener(reconnected);
  }

  #onDisconnect(reason: string): void {
    if (!this.#wanted) return;
    if (reason === 'io server disconnect') {
      // the server dropped us on purpose (sign-out); socket.io will not retry, and should not
      this.#setState('offline');
      for (const listener of this.#refusedListeners) listener('signed-out');
      return;
    }
    this.#setState('reconnecting');
  }

  #onConnectError(message: string, willRetry: boolean): void {
    if (!this.#wanted) return;
    if (message === 'unauthorized') {
      this.#setState('offline');
      for (const listener of this.#refusedListeners) listener(message);
      return;
    }
    // the server's cap on consoles per user: say so, and keep trying until one of them closes
    if (message === TOO_MANY_CONSOLES) this.#setState('too-many-consoles');
    else this.#setState(this.#everConnected ? 'reconnecting' : 'connecting');
    if (!willRetry && this.#retry === undefined) {
      this.#log.warn(`connection refused (${message}); retrying in ${this.#retryAfterMs} ms`);
      this.#retry = this.#setTimer(() => {
        this.#retry = undefined;
        if (this.#wanted) this.#transport.open();
      }, this.#retryAfterMs);
    }
  }

  #cancelRetry(): void {
    if (this.#retry !== undefined) this.#clearTimer(this.#retry);
    this.#retry = undefined;
  }

  #setState(next: ConnectionState): void {
    if (next === this.#state) return;
    this.#log.info(`connection ${this.#state} -> ${next}`);
    this.#state = next;
    for (const listener of this.#stateListeners) listener(next);
  }
}

/** narrows an acknowledgement to the result union; anything else is a bad reply */
function readAck<E extends CommandName>(reply: unknown): CommandResult<E> {
  if (!isRecord(reply) || typeof reply['ok'] !== 'boolean') return { ok: false, error: BAD_REPLY };
  if (reply['ok']) return reply as Extract<CommandAck<E>, { ok: true }>;
  const error = reply['error'];
  if (
    isRecord(error) &&
    typeof error['code'] === 'string' &&
    typeof error['message'] === 'string'
  ) {
    return { ok: false, error: { code: error['code'] as ErrorCode, message: error['message'] } };
  }
  return { ok: false, error: BAD_REPLY };
}

export type { AckResult };
