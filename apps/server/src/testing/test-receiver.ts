// test-only: a CRM's webhook endpoint on node:http that checks what Ringside sends
import { verifyRingsideSignature, type SignatureCheck } from '@ringside/contracts/signature';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got, and what it answered. */
export interface ReceivedRequest {
  readonly key: string | undefined;
  readonly event: string | undefined;
  readonly body: string;
  readonly signature: SignatureCheck;
  readonly status: number;
  /** this key's attempt number at the receiver, 1 for the first */
  readonly attempt: number;
}

export interface TestReceiver {
  readonly url: string;
  /** every request, in arrival order */
  readonly requests: ReceivedRequest[];
  /** bodies it accepted (2xx), by Idempotency-Key; a key accepted twice is listed twice */
  accepted(): { key: string; body: string }[];
  /** what to answer; default 200 for a good signature, 401 otherwise */
  respondWith(decide: (request: Omit<ReceivedRequest, 'status'>) => number): void;
  close(): Promise<void>;
}

/**
 * Starts a receiver on a free port, verifying `X-Ringside-Signature` with `secret` over the raw
 * bytes and recording `Idempotency-Key`.
 *
 * @example
 * const receiver = await startTestReceiver(secret);
 * receiver.respondWith(({ attempt }) => (attempt <= 2 ? 500 : 200)); // fail the first two tries
 */
export async function startTestReceiver(secret: string): Promise<TestReceiver> {
  const requests: ReceivedRequest[] = [];
  const attempts = new Map<string, number>();
  let decide: (request: Omit<ReceivedRequest, 'status'>) => number = (r) =>
    r.signature.ok ? 200 : 401;

  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const key = header(req, 'idempotency-key');
      const attempt = (attempts.get(key ?? '') ?? 0) + 1;
      attempts.set(key ?? '', attempt);
      const seen = {
        key,
        event: header(req, 'x-ringside-event'),
        body,
        signature: verifyRingsideSignature(body, header(req, 'x-ringside-signature'), secret),
        attempt,
      };
      const status = decide(seen);
      requests.push({ ...seen, status });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hooks/ringside`,
    requests,
    accepted: () =>
      requests
        .filter((r) => r.status >= 200 && r.status < 300 && r.key !== undefined)
        .map((r) => ({ key: r.key ?? '', body: r.body })),
    respondWith(next) {
      decide = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
