import type { ClientToServerEvents, ServerToClientEvents } from '@ringside/contracts';
import type { Socket } from 'socket.io-client';

export type ConsoleSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

type Payload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];
type AckOf<E extends keyof ClientToServerEvents> = Parameters<
  Parameters<ClientToServerEvents[E]>[1]
>[0];

/** resolves with the next payload of `event` on `socket` that passes `match` */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: ConsoleSocket,
  event: E,
  match: (payload: Payload<E>) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<Payload<E>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener as never);
      reject(new Error(`no ${String(event)} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: Payload<E>) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener as never);
      resolve(payload);
    };
    socket.on(event, listener as never);
  });
}

/** sends a command and resolves with its acknowledgement */
export function command<E extends keyof ClientToServerEvents>(
  socket: ConsoleSocket,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
): Promise<AckOf<E>> {
  return new Promise((resolve) => {
    (socket.emit as (e: string, p: unknown, ack: (r: unknown) => void) => void)(
      event,
      payload,
      (result) => resolve(result as AckOf<E>),
    );
  });
}

/** one event a console received, in arrival order */
export interface ReceivedEvent {
  readonly event: string;
  readonly payload: unknown;
}

/**
 * Everything a console socket receives from now on, for assertions about what did (or did
 * not) arrive.
 *
 * @example
 * const seen = recordEvents(socket);
 * // …
 * expect(seen.of('call:ringing')).toHaveLength(1);
 */
export function recordEvents(socket: ConsoleSocket) {
  const events: ReceivedEvent[] = [];
  socket.onAny((event: string, payload: unknown) => void events.push({ event, payload }));
  return {
    events,
    of<E extends keyof ServerToClientEvents>(event: E): Payload<E>[] {
      return events.filter((e) => e.event === event).map((e) => e.payload as Payload<E>);
    },
  };
}

/** polls `check` until it returns true; rejects with `what` after `timeoutMs` */
export async function waitUntil(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** waits `ms`; for asserting that something did not happen within a reasonable time */
export function settle(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
