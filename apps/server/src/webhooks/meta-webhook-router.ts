import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { Logger } from '../ops/logger';
import type { WebhookPostHandler } from './webhook-post';

export { MAX_WEBHOOK_BYTES, type WebhookIngest } from './webhook-post';

export interface MetaWebhookRouterOptions {
  /** read on every request, so an admin can change them without a restart */
  secrets: () => { appSecret: string; verifyToken: string };
  /** the deliveries: `POST` goes straight to it (the app also calls it before Express) */
  post: WebhookPostHandler;
  logger: Logger;
}

/**
 * `GET|POST /webhooks/meta`: Meta's verification handshake and signed deliveries. Deliveries
 * are handled by `createWebhookPostHandler` (`./webhook-post`), which the composition root also
 * calls directly for `POST /webhooks/meta`, ahead of Express.
 *
 * @example
 * const post = createWebhookPostHandler({ secrets, ingest, metrics, logger });
 * app.use('/webhooks/meta', createMetaWebhookRouter({ secrets, post, logger }));
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

  router.post('/', (req, res) => options.post(req, res));
  return router;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
