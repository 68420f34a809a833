import { Agent, request, type ClientRequest } from 'node:http';

/** how long one request may take before it counts as failed (status 0) */
const REQUEST_TIMEOUT_MS = 15_000;
/**
 * an idle pooled connection is closed after this, before Node's server drops it (its
 * keepAliveTimeout is 5 s): reusing one at the moment the server closes it fails the request
 * (status 0), which a run that pauses between posts (the capacity bench's calls) did hit
 */
const IDLE_CLOSE_MS = 4_000;

/** Posts bodies over a pool of keep-alive connections, as Meta's webhook sender would. */
export interface Poster {
  /** resolves with the HTTP status, or 0 when the request failed in transport or timed out */
  post(body: string, headers: Record<string, string>): Promise<number>;
  /** cuts off every request still under way or queued (they resolve 0) and drops the connections */
  close(): void;
}

/**
 * A keep-alive client for one URL with at most `connections` sockets; requests beyond that
 * wait their turn in the pool (and that wait counts in their latency).
 *
 * @example
 * const poster = createPoster('http://127.0.0.1:3000/webhooks/meta', 16);
 * const status = await poster.post(body, { 'x-hub-signature-256': signature });
 * poster.close();
 */
export function createPoster(url: string, connections: number): Poster {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: connections, timeout: IDLE_CLOSE_MS });
  const active = new Set<ClientRequest>();
  return {
    post(body, headers) {
      return new Promise((resolve) => {
        const settle = (status: number) => {
          active.delete(req);
          resolve(status);
        };
        const req = request(
          {
            agent,
            host: target.hostname,
            port: target.port,
            path: target.pathname,
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'content-length': String(Buffer.byteLength(body)),
              ...headers,
            },
          },
          (res) => {
            res.resume();
            res.once('end', () => settle(res.statusCode ?? 0));
            res.once('error', () => settle(0));
          },
        );
        active.add(req);
        req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timed out')));
        req.once('error', () => settle(0));
        req.end(body);
      });
    },
    close() {
      // queued requests too: destroying only the sockets would let the pool open new ones for them
      for (const req of active) req.destroy(new Error('cut off'));
      active.clear();
      agent.destroy();
    },
  };
}
