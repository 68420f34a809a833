import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isWebhookPost } from './webhook-post';

const request = (method: string, url: string) => ({ method, url }) as IncomingMessage;

describe('isWebhookPost', () => {
  it('matches Meta’s deliveries as Express would route them', () => {
    expect(isWebhookPost(request('POST', '/webhooks/meta'))).toBe(true);
    expect(isWebhookPost(request('POST', '/webhooks/meta/'))).toBe(true);
    expect(isWebhookPost(request('POST', '/Webhooks/Meta?x=1'))).toBe(true);
  });

  it('leaves everything else to the app', () => {
    expect(isWebhookPost(request('GET', '/webhooks/meta'))).toBe(false);
    expect(isWebhookPost(request('POST', '/webhooks/meta/extra'))).toBe(false);
    expect(isWebhookPost(request('POST', '/webhooks/metadata'))).toBe(false);
    expect(isWebhookPost(request('POST', '/api/webhooks/meta'))).toBe(false);
    expect(isWebhookPost({ method: 'POST' } as IncomingMessage)).toBe(false);
  });
});
