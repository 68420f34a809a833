import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, startStack, type Stack } from '../testing/test-stack';

/**
 * Signs in with a wrong password, claiming through X-Forwarded-For to come from `claimed`; resolves
 * with the address the server held the attempt against (its sign-in refusal log line, which is
 * also what the sign-in throttle counts by).
 */
async function addressSeenFor(stack: Stack, claimed: string): Promise<string | undefined> {
  const email = `nobody-${Math.random().toString(36).slice(2)}@example.com`;
  const res = await fetch(`${stack.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': claimed },
    body: JSON.stringify({ email, password: 'wrong password' }),
  });
  expect(res.status).toBe(401);
  const line = stack.logs
    .map((text) => JSON.parse(text) as { msg?: string; ip?: string })
    .find((entry) => entry.msg === 'sign-in refused' && entry.ip !== undefined);
  stack.logs.length = 0;
  return line?.ip;
}

describe('X-Forwarded-For', () => {
  describe('from a trusted proxy (loopback, the default)', () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack();
    });
    afterAll(() => stack.close());

    it('names the client the sign-in throttle and the logs hold to account', async () => {
      expect(await addressSeenFor(stack, '203.0.113.7')).toBe('203.0.113.7');
    });
  });

  describe('from a peer that is not a trusted proxy', () => {
    let stack: Stack;
    beforeAll(async () => {
      // the proxy is elsewhere: the test client on 127.0.0.1 is just a client
      stack = await startStack({ trustProxy: ['10.0.0.0/8'] });
    });
    afterAll(() => stack.close());

    it('is ignored: a forged header cannot pass for another address', async () => {
      expect(await addressSeenFor(stack, '203.0.113.7')).toBe('127.0.0.1');
    });
  });
});
