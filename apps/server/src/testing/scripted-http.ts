import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** one scripted reply: status and JSON body, sent `delayMs` after the request came in */
export interface ScriptedReply {
  status: number;
  body: unknown;
  /** a slow Meta: how long to wait before answering (none by default) */
  delayMs?: number;
  /** a reply that stalls halfway: the status and headers at once, the body this much later */
  bodyDelayMs?: number;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/**
 * A local HTTP server that answers from a script, one reply per request (the last repeats),
 * and records what it was sent. Used where a test needs Meta to fail in a specific way, or to
 * answer too slowly.
 *
 * @example
 * const meta = await startScriptedHttp([{ status: 500, body: {} }, { status: 200, body: ok }]);
 * meta.script([ok]); // a later test: a new script, counted from its first request
 * meta.script([{ ...ok, delayMs: 2_000 }, ok]); // the first answer comes after 2 s
 */
export async function startScriptedHttp(replies: ScriptedReply[]) {
  const requests: RecordedRequest[] = [];
  let script = replies;
  // replies are counted from the latest script, so tests sharing one server stay apart
  let scriptedFrom = 0;
  let before: ((request: RecordedRequest) => Promise<void> | void) | undefined;
  // replies still waiting out their delay, dropped on close
  const delayed = new Set<NodeJS.Timeout>();
  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      delayed.delete(timer);
      run();
    }, ms);
    delayed.add(timer);
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const index = Math.min(requests.length - 1 - scriptedFrom, script.length - 1);
      const reply = script[index] ?? { status: 500, body: {} };
      const answer = () => {
        // the client may have given up waiting (its timeout): nobody to answer
        if (res.destroyed) return;
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        if (!reply.bodyDelayMs) return void res.end(JSON.stringify(reply.body));
        res.flushHeaders();
        later(reply.bodyDelayMs, () => {
          if (!res.destroyed) res.end(JSON.stringify(reply.body));
        });
      };
      const send = () => (reply.delayMs ? later(reply.delayMs, answer) : answer());
      if (!before) return send();
      Promise.resolve(before(request)).then(send, (error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ hookFailed: String(error) }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** replaces the script; the next request gets its first reply */
    script(next: ScriptedReply[]): void {
      script = next;
      scriptedFrom = requests.length;
    },
    /**
     * runs `hook` on each request before its reply goes out (undefined: none), e.g. to deliver
     * Meta's webhooks while our request still waits for its answer
     */
    beforeReply(hook: ((request: RecordedRequest) => Promise<void> | void) | undefined): void {
      before = hook;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of delayed) clearTimeout(timer);
        delayed.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type ScriptedHttp = Awaited<ReturnType<typeof startScriptedHttp>>;
