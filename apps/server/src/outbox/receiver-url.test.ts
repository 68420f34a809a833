import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskReceiverUrl } from './receiver-url';

describe('maskReceiverUrl', () => {
  it.each([
    [
      'https://bot:pw@crm.example.com/hook?token=abc&v=2',
      'https://****:****@crm.example.com/hook?token=****&v=****',
    ],
    ['https://crm.example.com/hook', 'https://crm.example.com/hook'],
    ['https://key@crm.example.com/h?', 'https://****@crm.example.com/h'],
    ['https://crm.example.com/h?a=1&a=2#frag', 'https://crm.example.com/h?a=****&a=****'],
    ['not a url', '(not a valid URL)'],
    // a key in the path, as Slack's and Zapier's hook URLs carry it
    [
      'https://hooks.slack.com/services/T0AB12CD3/B0EF45GH6/wXyZ1234abcdEFGH5678ijkl',
      'https://hooks.slack.com/services/****/****/****',
    ],
    [
      'https://hooks.zapier.com/hooks/catch/123456/abcd3fg/',
      'https://hooks.zapier.com/hooks/catch/123456/****/',
    ],
    [
      'https://crm.example.com/v2/ringside-calls/webhooks',
      'https://crm.example.com/v2/ringside-calls/webhooks',
    ],
    ['https://crm.example.com/in/%zz1234abcd', 'https://crm.example.com/in/****'],
  ])('masks %s', (url, masked) => {
    expect(maskReceiverUrl(url)).toBe(masked);
  });

  it('never lets a user name, password or query value through, and is stable', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9._~-]{6,24}$/);
    fc.assert(
      fc.property(secret, secret, secret, (user, pass, token) => {
        const url = `https://${user}:${pass}@crm.example.com/in?api_key=${token}`;
        const masked = maskReceiverUrl(url);
        // nothing of the three is left, whatever they are
        expect(masked).toBe('https://****:****@crm.example.com/in?api_key=****');
        expect(maskReceiverUrl(masked)).toBe(masked);
      }),
      { numRuns: 500 },
    );
  });

  it('never lets a key in the path through, and is stable', () => {
    const key = fc.stringMatching(/^[A-Za-z0-9_-]{24,48}$/);
    fc.assert(
      fc.property(key, (secret) => {
        const masked = maskReceiverUrl(`https://hooks.example.com/services/${secret}`);
        expect(masked).toBe('https://hooks.example.com/services/****');
        expect(maskReceiverUrl(masked)).toBe(masked);
      }),
      { numRuns: 500 },
    );
  });
});
