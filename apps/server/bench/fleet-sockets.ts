import type { ClientToServerEvents, ServerToClientEvents } from '@ringside/contracts';
import { io as connectSocket, type Socket } from 'socket.io-client';

/** a console's socket as the fleet holds it */
export type ConsoleSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const CONNECT_TIMEOUT_MS = 20_000;
const now = () => process.hrtime.bigint();

/** opens a console socket (websocket only, no reconnection); kept in `group` even if it fails */
export function open(
  url: string,
  headers: Record<string, string>,
  group: ConsoleSocket[],
): Promise<ConsoleSocket> {
  const socket: ConsoleSocket = connectSocket(url, {
    transports: ['websocket'],
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
    timeout: CONNECT_TIMEOUT_MS,
  });
  // kept even if it fails, so cleanup disconnects it
  group.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(new Error(`socket refused: ${error.message}`)));
  });
}

/** `agent:set-status available`, resolved on its ok ack */
export function setAvailable(socket: ConsoleSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket
      .timeout(CONNECT_TIMEOUT_MS)
      .emit('agent:set-status', { status: 'available' }, (error: Error | null, result) => {
        if (error) reject(new Error('agent:set-status was not acknowledged'));
        else if (!result.ok) reject(new Error(`agent:set-status refused: ${result.error.message}`));
        else resolve();
      });
  });
}

/**
 * Arms every socket for its next `event`; `done` resolves once all have it or `timeoutMs` has
 * passed, whichever is first (then the listeners are gone either way).
 */
export function everySocket<E extends 'call:ringing' | 'call:ended'>(
  sockets: readonly ConsoleSocket[],
  event: E,
  timeoutMs: number,
) {
  type Payload = Parameters<ServerToClientEvents[E]>[0];
  let received = 0;
  let last = 0n;
  let first: Payload | undefined;
  const listeners: [ConsoleSocket, (payload: Payload) => void][] = [];
  const done = new Promise<void>((resolve) => {
    const timer = setTimeout(finish, timeoutMs);
    function finish() {
      clearTimeout(timer);
      for (const [socket, listener] of listeners) socket.off(event, listener as never);
      resolve();
    }
    for (const socket of sockets) {
      const listener = (payload: Payload) => {
        last = now();
        first ??= payload;
        received += 1;
        if (received === sockets.length) finish();
      };
      listeners.push([socket, listener]);
      socket.once(event, listener as never);
    }
  });
  return { done, received: () => received, lastAt: () => last, first: () => first };
}
