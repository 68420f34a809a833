import type { ClientToServerEvents, ServerToClientEvents } from '@ringside/contracts';
import { io, type Socket } from 'socket.io-client';

/** what happens to the connection itself */
export interface TransportLifecycle {
  connect(): void;
  /** socket.io's reason, e.g. `io server disconnect`, `transport close` */
  disconnect(reason: string): void;
  /** the handshake failed; `willRetry` is false when socket.io gave up (a middleware refusal) */
  connectError(message: string, willRetry: boolean): void;
}

/**
 * The slice of a Socket.IO socket the signaling client uses, so tests can stand in for it.
 * Payloads cross as `unknown`: the client narrows them.
 */
export interface SignalingTransport {
  readonly connected: boolean;
  open(): void;
  close(): void;
  setLifecycle(lifecycle: TransportLifecycle): void;
  listen(event: keyof ServerToClientEvents, handler: (payload: unknown) => void): () => void;
  /** emits with an acknowledgement; rejects when none comes within `timeoutMs` */
  request(event: keyof ClientToServerEvents, payload: unknown, timeoutMs: number): Promise<unknown>;
}

type ConsoleSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type LooseListener = (...args: unknown[]) => void;

/**
 * The real transport: one Socket.IO socket to the same origin, websocket only, with the session
 * cookie. socket.io reconnects by itself after network drops.
 *
 * @example
 * const client = new SignalingClient({ transport: createSocketIoTransport() });
 */
export function createSocketIoTransport(): SignalingTransport {
  const socket: ConsoleSocket = io({
    withCredentials: true,
    transports: ['websocket'],
    autoConnect: false,
  });
  // the typed socket's overloads do not accept a dynamic event name; narrow once here
  const loose = socket as unknown as {
    on(event: string, listener: LooseListener): void;
    off(event: string, listener: LooseListener): void;
    timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
  };
  return {
    get connected() {
      return socket.connected;
    },
    open: () => void socket.connect(),
    close: () => void socket.disconnect(),
    setLifecycle(lifecycle) {
      socket.on('connect', () => lifecycle.connect());
      socket.on('disconnect', (reason) => lifecycle.disconnect(reason));
      socket.on('connect_error', (error) => lifecycle.connectError(error.message, socket.active));
    },
    listen(event, handler) {
      const listener: LooseListener = (payload) => handler(payload);
      loose.on(event, listener);
      return () => loose.off(event, listener);
    },
    request: (event, payload, timeoutMs) => loose.timeout(timeoutMs).emitWithAck(event, payload),
  };
}
