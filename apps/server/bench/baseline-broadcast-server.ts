import { createServer } from 'node:http';
import type { ClientToServerEvents, ServerToClientEvents } from '@ringside/contracts';
import { META_SIGNATURE_HEADER, verifyMetaSignature } from '@ringside/contracts/signature';
import { Server } from 'socket.io';
import type { LocalService } from './baseline-webhook-server';
import { listenLocal, readBody } from './local-server';

type Ringing = Parameters<ServerToClientEvents['call:ringing']>[0];

const ROOM = 'agents';

/** The fan-out baseline, with the payload it broadcasts settable once Ringside has shown it. */
export interface BaselineBroadcastServer extends LocalService {
  /** what `call:ringing` carries: Ringside's own payload, so both send the same bytes */
  setPayload(payload: Ringing): void;
}

/**
 * The fan-out baseline: a bare `node:http` + Socket.IO server. A signed webhook POST (HMAC
 * checked as Ringside does) makes it emit `call:ringing` to one room holding every connected
 * client, then answer 200. No auth, no storage, no routing: the least a ring can cost.
 *
 * @example
 * const baseline = await startBaselineBroadcastServer(appSecret);
 * baseline.setPayload(capturedRinging);
 * // post to `${baseline.url}/webhooks/meta`
 */
export async function startBaselineBroadcastServer(
  appSecret: string,
): Promise<BaselineBroadcastServer> {
  let payload: Ringing | undefined;
  const server = createServer((req, res) => {
    readBody(req).then(
      (raw) => {
        const header = req.headers[META_SIGNATURE_HEADER];
        const signed = verifyMetaSignature(
          raw,
          typeof header === 'string' ? header : undefined,
          appSecret,
        ).ok;
        if (signed && payload) io.to(ROOM).emit('call:ringing', payload);
        res.writeHead(signed ? 200 : 401, { 'content-type': 'application/json' });
        res.end(signed ? '{"ok":true}' : '{"error":"signature"}');
      },
      () => {
        res.writeHead(400);
        res.end();
      },
    );
  });
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(server, {
    serveClient: false,
  });
  io.on('connection', (socket) => void socket.join(ROOM));
  const url = await listenLocal(server);
  return {
    url,
    setPayload(next) {
      payload = next;
    },
    async close() {
      // io.close also closes the HTTP server, which waits for keep-alive clients: drop them
      const closed = new Promise<void>((resolve) => io.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
