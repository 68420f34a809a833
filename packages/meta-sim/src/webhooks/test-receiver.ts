import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

// test support: a webhook receiver on a real port that keeps the exact bytes it was sent

export interface ReceivedWebhook {
  raw: Buffer;
  headers: IncomingHttpHeaders;
  /** the parsed body */
  json: unknown;
  /** the status the receiver answered */
  answered: number;
  at: number;
}

export interface TestReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** statuses to answer next, in order; 200 once used up */
  answerWith(...statuses: number[]): void;
  /** resolves when `count` webhooks have arrived */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/**
 * Starts a receiver on 127.0.0.1 and a free port.
 *
 * @example
 * const receiver = await startTestReceiver();
 * receiver.answerWith(500, 500); // then 200
 * await receiver.waitFor(3);
 */
export async function startTestReceiver(): Promise<TestReceiver> {
  const received: ReceivedWebhook[] = [];
  const script: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const answered = script.shift() ?? 200;
      let json: unknown = null;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        // kept as null: the test decides whether that matters
      }
      received.push({ raw, headers: req.headers, json, answered, at: Date.now() });
      res.statusCode = answered;
      res.end(answered < 300 ? 'EVENT_RECEIVED' : 'try again');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/meta`,
    received,
    answerWith: (...statuses) => script.push(...statuses),
    async waitFor(count, timeoutMs = 5_000) {
      const end = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > end) {
          throw new Error(`expected ${count} webhooks, got ${received.length} in ${timeoutMs} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return received.slice(0, count);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
