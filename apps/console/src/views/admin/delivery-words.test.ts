import type { WebhookDeliveryView } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import {
  deliveryEventWords,
  deliveryLine,
  deliveryStatusWords,
  subscriptionEventsWords,
} from './delivery-words';

const delivery = (overrides: Partial<WebhookDeliveryView>): WebhookDeliveryView => ({
  id: '7',
  subscriptionId: 'wh_1',
  eventId: 'evt_1',
  event: 'call.ended',
  status: 'pending',
  attempts: 0,
  createdAt: '2026-03-01T10:00:00.000Z',
  ...overrides,
});

describe('delivery words', () => {
  it('tells how a delivery went, with the receiver’s last answer', () => {
    expect(deliveryLine(delivery({ status: 'delivered', attempts: 3, lastStatusCode: 200 }))).toBe(
      'Delivered after 3 attempts (HTTP 200).',
    );
    expect(deliveryLine(delivery({ attempts: 2, lastStatusCode: 500 }))).toBe(
      'Attempt 2 failed (HTTP 500); it will be tried again.',
    );
    expect(deliveryLine(delivery({ attempts: 0 }))).toBe('Not sent yet.');
    expect(
      deliveryLine(delivery({ status: 'failed', attempts: 1, lastError: 'connection refused' })),
    ).toBe('Gave up after 1 attempt (connection refused).');
    // the server's words already name the status: it is said once
    expect(
      deliveryLine(
        delivery({
          status: 'failed',
          attempts: 1,
          lastStatusCode: 404,
          lastError: 'The receiver answered HTTP 404.',
        }),
      ),
    ).toBe('Gave up after 1 attempt (The receiver answered HTTP 404).');
    expect(
      deliveryLine(delivery({ attempts: 3, lastStatusCode: 503, lastError: 'too slow' })),
    ).toBe('Attempt 3 failed (HTTP 503: too slow); it will be tried again.');
    expect(deliveryLine(delivery({ status: 'cancelled' }))).toBe(
      'Not sent: the webhook was disabled first.',
    );
  });

  it('names statuses, the test event and a subscription’s events', () => {
    expect(deliveryStatusWords('pending')).toBe('Retrying');
    expect(deliveryEventWords('webhook.test')).toBe('Test event');
    expect(deliveryEventWords('call.missed')).toBe('call.missed');
    expect(subscriptionEventsWords(['*'])).toBe('All events');
    expect(subscriptionEventsWords(['call.ended', 'call.missed'])).toBe('call.ended, call.missed');
  });
});
