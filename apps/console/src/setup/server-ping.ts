import type { ServerPings } from './network-check';

export interface ServerPingOptions {
  /** answers at once without touching the database */
  url?: string;
  count?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

/**
 * Times HTTP round trips to Ringside's own server (`GET /healthz`), one after another, after one
 * untimed request that sets up the connection. Each time includes the server's own (tiny) work.
 *
 * @example
 * judgeServerPath(await pingServer()); // "A round trip to Ringside's server takes 21 ms…"
 */
export async function pingServer(options: ServerPingOptions = {}): Promise<ServerPings> {
  const request = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? (() => performance.now());
  const url = options.url ?? '/healthz';
  const count = options.count ?? 8;
  const once = async (): Promise<number | undefined> => {
    const started = now();
    try {
      const reply = await request(url, {
        cache: 'no-store',
        signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
      });
      await reply.arrayBuffer();
      return reply.ok ? now() - started : undefined;
    } catch {
      return undefined;
    }
  };
  await once();
  const rttsMs: number[] = [];
  for (let i = 0; i < count; i++) {
    const rtt = await once();
    if (rtt !== undefined) rttsMs.push(rtt);
  }
  return { asked: count, rttsMs };
}
