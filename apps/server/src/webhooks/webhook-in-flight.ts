import type { Metrics } from '../ops/metrics';
import type { WebhookPostHandler } from './webhook-post';

/** how long a sender refused for being over the cap is asked to wait */
export const IN_FLIGHT_RETRY_AFTER_SECONDS = 5;

/**
 * Caps the webhook deliveries being read or processed at once. Over `max` the next is answered
 * 503 with `Retry-After` before its body is read, instead of holding up to 3 MB more in memory
 * per waiting request: Meta retries failed deliveries for days, so nothing is lost. A delivery
 * counts from its first byte until its answer is sent or its sender goes away.
 *
 * @example
 * const post = limitWebhooksInFlight(createWebhookPostHandler(options), { max: 64, metrics });
 * createServer((req, res) => (isWebhookPost(req) ? post(req, res) : app(req, res)));
 */
export function limitWebhooksInFlight(
  handle: WebhookPostHandler,
  options: { max: number; metrics: Metrics },
): WebhookPostHandler {
  let inFlight = 0;
  return (req, res) => {
    if (inFlight >= options.max) {
      options.metrics.webhooks.inc({ object: 'unknown', result: 'busy' });
      const text = JSON.stringify({ error: 'too many deliveries in progress, try again shortly' });
      // the unread body is not wanted: close the connection rather than drain it
      res
        .writeHead(503, {
          'retry-after': String(IN_FLIGHT_RETRY_AFTER_SECONDS),
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(text),
          connection: 'close',
        })
        .end(text);
      return;
    }
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
    });
    handle(req, res);
  };
}
