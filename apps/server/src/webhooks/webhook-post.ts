import type { IncomingMessage, ServerResponse } from 'node:http';
import { META_SIGNATURE_HEADER, verifyMetaSignature } from '@ringside/contracts/signature';
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';

/** Meta batches up to this much in one delivery */
export const MAX_WEBHOOK_BYTES = 3 * 1024 * 1024;

/** stores a verified, parsed delivery; rejects when it cannot be persisted (Meta then retries) */
export type WebhookIngest = (delivery: { raw: string; json: unknown }) => Promise<void>;

export interface WebhookPostOptions {
  /** read on every request, so an admin can change them without a restart */
  secrets: () => { appSecret: string; verifyToken: string };
  ingest: WebhookIngest;
  metrics: Metrics;
  logger: Logger;
}

/** a plain `node:http` handler: Express is not needed here, and its per-request cost is not small */
export type WebhookPostHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * `POST /webhooks/meta` on bare `node:http`: reads the body (413 over {@link MAX_WEBHOOK_BYTES}),
 * checks `X-Hub-Signature-256` on the raw bytes before anything is parsed (401), parses (400),
 * and answers 200 only once the delivery is stored (503 when it cannot be, so Meta retries).
 * The busiest route of the server, so it skips the framework.
 *
 * @example
 * const handle = createWebhookPostHandler({ secrets, ingest, metrics, logger });
 * createServer((req, res) => (isWebhookPost(req) ? handle(req, res) : app(req, res)));
 */
export function createWebhookPostHandler(options: WebhookPostOptions): WebhookPostHandler {
  async function handle(raw: Buffer, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const header = req.headers[META_SIGNATURE_HEADER];
    const check = verifyMetaSignature(
      raw,
      typeof header === 'string' ? header : undefined,
      options.secrets().appSecret,
    );
    if (!check.ok) {
      options.metrics.signatureFailures.inc({ reason: check.reason });
      options.logger.warn({ reason: check.reason, bytes: raw.length }, 'webhook signature refused');
      answer(res, 401, { error: `signature ${check.reason}` });
      return;
    }
    const text = raw.toString('utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      options.metrics.webhooks.inc({ object: 'unknown', result: 'malformed' });
      answer(res, 400, { error: 'body is not valid JSON' });
      return;
    }
    try {
      await options.ingest({ raw: text, json });
    } catch (error) {
      options.metrics.webhooks.inc({ object: objectOf(json), result: 'unavailable' });
      options.logger.error({ err: error }, 'webhook could not be stored; Meta will retry');
      answer(res, 503, { error: 'could not store the delivery, try again' });
      return;
    }
    answer(res, 200, { ok: true });
  }

  return (req, res) => {
    readBody(req, MAX_WEBHOOK_BYTES).then(
      (body) => {
        if (body === 'too-large') {
          options.metrics.webhooks.inc({ object: 'unknown', result: 'too-large' });
          answer(res, 413, { error: `body over ${MAX_WEBHOOK_BYTES} bytes` });
          return;
        }
        handle(body, req, res).catch((error: unknown) => {
          options.logger.error({ err: error }, 'webhook delivery failed');
          answer(res, 500, { error: 'internal error' });
        });
      },
      // the sender went away mid-body: nobody is left to read an answer
      () => answer(res, 400, undefined),
    );
  };
}

/**
 * Whether a request is a webhook delivery, by method and path as Express would route it
 * (case-insensitive, trailing slash and query string allowed).
 *
 * @example
 * isWebhookPost(req); // true for `POST /webhooks/meta?x=1`
 */
export function isWebhookPost(req: IncomingMessage, path = '/webhooks/meta'): boolean {
  if (req.method !== 'POST' || !req.url) return false;
  const end = req.url.indexOf('?');
  const asked = (end === -1 ? req.url : req.url.slice(0, end)).toLowerCase();
  return asked === path || asked === `${path}/`;
}

// the whole body, or 'too-large' as soon as it is known to be over `limit` (the rest is dropped)
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      resolve('too-large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => {
      if (!over) resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    });
    req.once('close', () => {
      if (!req.complete) reject(new Error('request aborted'));
    });
    req.once('error', reject);
  });
}

function answer(res: ServerResponse, status: number, body: object | undefined): void {
  if (res.headersSent || res.destroyed) return;
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  res
    .writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    })
    .end(text);
}

function objectOf(json: unknown): string {
  const value =
    typeof json === 'object' && json !== null ? (json as { object?: unknown }).object : undefined;
  return value === 'whatsapp_business_account' || value === 'page' ? value : 'unknown';
}
