import { timingSafeEqual } from 'node:crypto';
import { META_SIGNATURE_HEADER, verifyMetaSignature } from '@ringside/contracts/signature';
import express, { Router, type ErrorRequestHandler } from 'express';
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';

/** Meta batches up to this much in one delivery */
export const MAX_WEBHOOK_BYTES = 3 * 1024 * 1024;

/** stores a verified, parsed delivery; rejects when it cannot be persisted (Meta then retries) */
export type WebhookIngest = (delivery: { raw: string; json: unknown }) => Promise<void>;

export interface MetaWebhookRouterOptions {
  /** read on every request, so an admin can change them without a restart */
  secrets: () => { appSecret: string; verifyToken: string };
  ingest: WebhookIngest;
  metrics: Metrics;
  logger: Logger;
}

/**
 * `GET|POST /webhooks/meta`: Meta's verification handshake and signed deliveries. The signature
 * is checked on the raw bytes before anything is parsed; the 200 goes out only once the delivery
 * is stored.
 *
 * @example
 * app.use('/webhooks/meta', createMetaWebhookRouter({ secrets, ingest, metrics, logger }));
 */
export function createMetaWebhookRouter(options: MetaWebhookRouterOptions): Router {
  const router = Router();

  router.get('/', (req, res) => {
    const mode = req.query['hub.mode'];
    const token = req.query['hub.verify_token'];
    const challenge = req.query['hub.challenge'];
    if (mode === 'subscribe' && typeof token === 'string' && typeof challenge === 'string') {
      if (sameText(token, options.secrets().verifyToken)) {
        res.type('text/plain').send(challenge);
        return;
      }
    }
    options.logger.warn({ mode }, 'webhook verification refused');
    res.status(403).type('text/plain').send('verification token does not match');
  });

  router.post(
    '/',
    express.raw({ type: () => true, limit: MAX_WEBHOOK_BYTES }),
    async (req, res) => {
      const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const check = verifyMetaSignature(
        raw,
        req.get(META_SIGNATURE_HEADER),
        options.secrets().appSecret,
      );
      if (!check.ok) {
        options.metrics.signatureFailures.inc({ reason: check.reason });
        options.logger.warn(
          { reason: check.reason, bytes: raw.length },
          'webhook signature refused',
        );
        res.status(401).json({ error: `signature ${check.reason}` });
        return;
      }
      const text = raw.toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        options.metrics.webhooks.inc({ object: 'unknown', result: 'malformed' });
        res.status(400).json({ error: 'body is not valid JSON' });
        return;
      }
      try {
        await options.ingest({ raw: text, json });
      } catch (error) {
        options.metrics.webhooks.inc({ object: objectOf(json), result: 'unavailable' });
        options.logger.error({ err: error }, 'webhook could not be stored; Meta will retry');
        res.status(503).json({ error: 'could not store the delivery, try again' });
        return;
      }
      res.status(200).json({ ok: true });
    },
  );

  const tooLarge: ErrorRequestHandler = (error: unknown, _req, res, next) => {
    if (isHttpError(error, 'entity.too.large')) {
      options.metrics.webhooks.inc({ object: 'unknown', result: 'too-large' });
      res.status(413).json({ error: `body over ${MAX_WEBHOOK_BYTES} bytes` });
      return;
    }
    if (isHttpError(error, 'request.aborted')) {
      res.status(400).end();
      return;
    }
    next(error);
  };
  router.use(tooLarge);
  return router;
}

function objectOf(json: unknown): string {
  const value =
    typeof json === 'object' && json !== null ? (json as { object?: unknown }).object : undefined;
  return value === 'whatsapp_business_account' || value === 'page' ? value : 'unknown';
}

function isHttpError(error: unknown, type: string): boolean {
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === type;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
