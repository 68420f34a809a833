import { describe, expect, it } from 'vitest';
import { useStack } from '../testing/test-stack';

const stack = useStack();

function verify(query: string): Promise<Response> {
  return fetch(`${stack().url}/webhooks/meta?${query}`);
}

describe('Meta’s webhook verification (GET /webhooks/meta)', () => {
  it('answers the challenge as plain text when the verify token matches', async () => {
    const res = await verify(
      'hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444',
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('1158201444');
  });

  it.each([
    ['a wrong token', 'hub.mode=subscribe&hub.verify_token=verify-you&hub.challenge=1'],
    [
      'a token that only starts right',
      'hub.mode=subscribe&hub.verify_token=verify-me-too&hub.challenge=1',
    ],
    ['no token', 'hub.mode=subscribe&hub.challenge=1'],
    ['another mode', 'hub.mode=unsubscribe&hub.verify_token=verify-me&hub.challenge=1'],
    ['no challenge', 'hub.mode=subscribe&hub.verify_token=verify-me'],
  ])('refuses %s with 403, echoing nothing', async (_what, query) => {
    const res = await verify(query);
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('verification token does not match');
  });
});
