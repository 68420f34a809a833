// child process: the fan-out bench's console sockets, kept apart from the servers they measure
import { serveParent } from './child';
import { burst, takeCalls } from './fleet-calls';
import { everySocket, open, setAvailable, type ConsoleSocket } from './fleet-sockets';
import { createPoster, type Poster } from './http-post';
import type { FleetReply, FleetRequest } from './socket-fleet-protocol';
import { elapsedMs } from './stats';

// a burst of handshakes at once is what a shift change looks like; more only queues in the server
const CONNECT_BATCH = 50;

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
    case 'disconnect': {
      for (const socket of groups.get(request.group) ?? []) socket.disconnect();
      groups.delete(request.group);
      return { kind: 'disconnected', group: request.group };
    }
    case 'take-calls':
      return takeCalls(groups, request);
    case 'burst':
      return burst(groups, request);
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
