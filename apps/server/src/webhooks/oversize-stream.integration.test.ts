import { request } from 'node:http';
import { connect } from 'node:net';
import { signMetaPayload } from '@ringside/contracts/signature';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { webhookEvents, webhookReceipts } from '../db/schema';
import { newWhatsAppCallId, whatsappConnect } from '../testing/meta-payloads';
import {
  APP_SECRET,
  nextEvent,
  recordEvents,
  settle,
  useStack,
  type TestWorkspace,
} from '../testing/test-stack';
import { MAX_WEBHOOK_BYTES } from './webhook-post';

// bodies whose size the server only learns while reading: no Content-Length, or a false one
const stack = useStack();

async function receiptsStored(): Promise<number> {
  const [row] = await stack().database.db.select({ n: count() }).from(webhookReceipts);
  return row?.n ?? 0;
}

async function eventsFor(metaCallId: string): Promise<number> {
  const [row] = await stack()
    .database.db.select({ n: count() })
    .from(webhookEvents)
    .where(eq(webhookEvents.metaCallId, metaCallId));
  return row?.n ?? 0;
}

/** a real, correctly signed connect for `ws`, padded to `bytes` or more */
function signedConnect(ws: TestWorkspace, bytes: number) {
  const callId = newWhatsAppCallId();
  const connectBody = whatsappConnect({ phoneNumberId: ws.phoneNumberId, callId });
  const text = JSON.stringify({ ...connectBody, padding: 'x'.repeat(bytes) });
  return { callId, body: Buffer.from(text), signature: signMetaPayload(text, APP_SECRET) };
}

/**
 * POSTs `body` with `Transfer-Encoding: chunked` (node:http sends no Content-Length then), 64 KB
 * at a time as the socket drains; resolves with the answer, or how the connection was cut.
 */
function postChunked(
  body: Buffer,
  signature: string,
): Promise<{ status: number; text: string } | { cut: string }> {
  const url = new URL(`${stack().url}/webhooks/meta`);
  return new Promise((resolve) => {
    const req = request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signature,
        'transfer-encoding': 'chunked',
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', (error) => resolve({ cut: error.message }));
    let sent = 0;
    const pump = () => {
      while (sent < body.length) {
        const chunk = body.subarray(sent, sent + 64 * 1024);
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

/**
 * Writes a request by hand on a raw socket (node:http will not send a body longer than its
 * Content-Length); resolves with every byte the server sent back once it closes the connection.
 */
function postRaw(head: string, body: Buffer): Promise<{ reply: string; closedByServer: boolean }> {
  const url = new URL(stack().url);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    let reply = '';
    // a server that never closes would leave the test waiting: give up, and say so
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ reply, closedByServer: false });
    }, 10_000);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (reply += chunk));
    // the server may close while we are still writing (EPIPE, ECONNRESET): that is an answer too
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ reply, closedByServer: true });
    });
    socket.write(head);
    socket.write(body, () => socket.end());
  });
}

describe('oversized webhook bodies sent without an honest Content-Length', () => {
  it('a chunked body over 3 MB gets 413, nothing is stored, and the server takes the next delivery', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const seen = recordEvents(agent.socket);
    const before = await receiptsStored();
    const big = signedConnect(ws, MAX_WEBHOOK_BYTES);
    expect(big.body.length).toBeGreaterThan(MAX_WEBHOOK_BYTES);

    const answer = await postChunked(big.body, big.signature);
    expect(answer).toEqual({
      status: 413,
      text: JSON.stringify({ error: `body over ${MAX_WEBHOOK_BYTES} bytes` }),
    });
    expect(await receiptsStored()).toBe(before);
    expect(await eventsFor(big.callId)).toBe(0);

    // chunked as such is fine: the same kind of delivery under the limit is taken
    const small = signedConnect(ws, 0);
    const ringing = nextEvent(agent.socket, 'call:ringing');
    expect(await postChunked(small.body, small.signature)).toMatchObject({ status: 200 });
    expect(await receiptsStored()).toBe(before + 1);
    expect(await eventsFor(small.callId)).toBe(1);
    await ringing;
    await settle(100);
    expect(seen.of('call:ringing')).toHaveLength(1);
  });

  it('a body far longer than its Content-Length is cut off at the declared length, and nothing is stored', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const seen = recordEvents(agent.socket);
    const before = await receiptsStored();
    const big = signedConnect(ws, MAX_WEBHOOK_BYTES);

    const head = [
      'POST /webhooks/meta HTTP/1.1',
      `Host: ${new URL(stack().url).host}`,
      'Content-Type: application/json',
      `X-Hub-Signature-256: ${big.signature}`,
      'Content-Length: 1024',
      '',
      '',
    ].join('\r\n');
    const { reply, closedByServer } = await postRaw(head, big.body);

    // the first 1024 bytes are the whole body as far as the server is concerned (their signature
    // is not the one sent: 401, when it gets that far); the rest is not a request: 400, closed
    const statuses = [...reply.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]));
    expect(closedByServer).toBe(true);
    expect(statuses.at(-1)).toBe(400);
    for (const status of statuses) expect([400, 401]).toContain(status);
    expect(await receiptsStored()).toBe(before);
    expect(await eventsFor(big.callId)).toBe(0);

    const next = signedConnect(ws, 0);
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const res = await stack().postWebhook(next.body.toString());
    expect(res.status).toBe(200);
    expect(await receiptsStored()).toBe(before + 1);
    await ringing;
    await settle(100);
    expect(seen.of('call:ringing')).toHaveLength(1);
  });
});
