import { describe, expect, it } from 'vitest';
import { DEMO_WHATSAPP_NUMBER, resolveConfig } from './config';

describe('resolveConfig', () => {
  it('fills in life-like defaults and the demo channels', () => {
    const config = resolveConfig();
    expect(config.timeouts).toMatchObject({
      ringMs: 45_000,
      messengerAcceptMs: 60_000,
      mediaStartMs: 20_000,
      mediaIdleMs: 30_000,
    });
    expect(config.graphVersion).toBe('v24.0');
    expect(config.numbers).toEqual([DEMO_WHATSAPP_NUMBER]);
    expect(config.webhookUrl).toBeNull();
  });

  it('keeps what it is given and defaults the rest', () => {
    const config = resolveConfig({
      timeouts: { ringMs: 500 },
      webhooks: { retry: { maxAttempts: 2 }, batch: true },
    });
    expect(config.timeouts.ringMs).toBe(500);
    expect(config.timeouts.mediaStartMs).toBe(20_000);
    expect(config.retry).toMatchObject({ maxAttempts: 2, baseDelayMs: 1_000 });
    expect(config.injection).toMatchObject({ batch: true, reorder: false });
  });

  it.each([
    [{ graphVersion: '24' }, /graphVersion/],
    [{ webhookUrl: 'not a url' }, /webhookUrl/],
    [{ webhookUrl: 'ftp://example.com' }, /http/],
    [{ timeouts: { ringMs: 0 } }, /ringMs must be a positive number/],
    [{ webhooks: { retry: { maxAttempts: Number.NaN } } }, /maxAttempts/],
    [{ numbers: [DEMO_WHATSAPP_NUMBER, DEMO_WHATSAPP_NUMBER] }, /unique/],
  ])('refuses a bad option: %o', (options, message) => {
    expect(() => resolveConfig(options)).toThrow(message);
  });

  it('shields the simulator from an observer that throws', () => {
    const config = resolveConfig({
      onEvent: () => {
        throw new Error('observer bug');
      },
    });
    expect(() => config.emit({ type: 'warning', message: 'x' })).not.toThrow();
  });
});
