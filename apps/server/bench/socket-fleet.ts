// child process: the fan-out bench's console sockets, kept apart from the servers they measure
import type { ClientToServerEvents, ServerToClientEvents } from '@ringside/contracts';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { serveParent } from './child';
import { createPoster, type Poster } from './http-post';
import type { FleetReply, FleetRequest } from './socket-fleet-protocol';
import { elapsedMs } from './stats';

type ConsoleSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

// a burst of handshakes at once is what a shift change looks like; more only queues in the server
const CONNECT_BATCH = 50;
const CONNECT_TIMEOUT_MS = 20_000;

const groups = new Map<string, ConsoleSocket[]>();
// one keep-alive connection per server, as Meta's sender keeps its connections open
const posters = new Map<string, Poster>();
const now = () => process.hrtime.bigint();

serveParent(handle, () => {
  for (const sockets of groups.values()) for (const socket of sockets) socket.disconnect();
  groups.clear();
  for (const poster of posters.values()) poster.close();
  posters.clear();
});

async function handle(request: FleetRequest): Promise<FleetReply> {
  switch (request.kind) {
    case 'connect':
      return connect(request);
    case 'trial':
      return trial(request);
  }
}

async function connect(request: Extract<FleetRequest, { kind: 'connect' }>): Promise<FleetReply> {
  const group = groups.get(request.group) ?? [];
  groups.set(request.group, group);
  for (let start = 0; start < request.sockets.length; start += CONNECT_BATCH) {
    const batch = request.sockets.slice(start, start + CONNECT_BATCH);
    const opened = await Promise.all(batch.map((headers) => open(request.url, headers, group)));
    if (request.setAvailable) await Promise.all(opened.map((socket) => setAvailable(socket)));
  }
  return { kind: 'connected', group: request.group, sockets: group.length };
}

function open(
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

function setAvailable(socket: ConsoleSocket): Promise<void> {
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

async function trial(request: Extract<FleetRequest, { kind: 'trial' }>): Promise<FleetReply> {
  const sockets = groups.get(request.group) ?? [];
  if (sockets.length === 0) throw new Error(`no sockets in group ${request.group}`);
  const poster = posters.get(request.webhookUrl) ?? createPoster(request.webhookUrl, 1);
  posters.set(request.webhookUrl, poster);

  const ringing = everySocket(sockets, 'call:ringing', request.timeoutMs);
  const started = now();
  const [status] = await Promise.all([poster.post(request.body, request.headers), ringing.done]);
  if (ringing.received() < sockets.length) {
    throw new Error(
      `only ${ringing.received()} of ${sockets.length} sockets got call:ringing within ` +
        `${request.timeoutMs} ms (webhook ${status})`,
    );
  }
  const latencyMs = elapsedMs(started, ringing.lastAt());

  if (request.hangUp) {
    const ended = everySocket(sockets, 'call:ended', request.timeoutMs);
    const endStatus = await poster.post(request.hangUp.body, request.hangUp.headers);
    await ended.done;
    if (endStatus !== 200 || ended.received() < sockets.length) {
      throw new Error(
        `hang-up webhook ${endStatus}: ${ended.received()} of ${sockets.length} sockets got call:ended`,
      );
    }
  }
  return {
    kind: 'trial',
    latencyMs,
    status,
    received: ringing.received(),
    expected: sockets.length,
    payload: ringing.first(),
  };
}

/**
 * Arms every socket for its next `event`; `done` resolves once all have it or `timeoutMs` has
 * passed, whichever is first (then the listeners are gone either way).
 */
function everySocket<E extends 'call:ringing' | 'call:ended'>(
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
