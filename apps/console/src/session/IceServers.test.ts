import type { IceConfig } from '@ringside/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../api/http';
import { HOST_ONLY, IceServers } from './IceServers';

const HOUR = 3600_000;

function turnConfig(expiresAt: number, user = 'u_1'): IceConfig {
  return {
    iceServers: [
      {
        urls: ['turn:turn.example.com:3478'],
        username: `${expiresAt / 1000}:${user}`,
        credential: 'x',
      },
    ],
    iceTransportPolicy: 'relay',
    expiresAt: new Date(expiresAt).toISOString(),
  };
}

function setup(replies: ApiResult<IceConfig>[]) {
  const fetch = vi.fn(
    async () =>
      replies.shift() ?? {
        ok: false as const,
        error: { status: 0, code: 'network', message: 'down' },
      },
  );
  const ice = new IceServers({ fetch, now: () => Date.now() });
  return { ice, fetch };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('IceServers', () => {
  it('gives a call the servers fetched at sign-in, waiting for the fetch in flight', async () => {
    vi.useFakeTimers({ now: 0 });
    const config = turnConfig(12 * HOUR);
    const { ice, fetch } = setup([{ ok: true, data: config }]);
    ice.start();
    const paths = await ice.ready();
    expect(paths).toEqual({ iceServers: config.iceServers, iceTransportPolicy: 'relay' });
    expect(await ice.ready()).toBe(paths);
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('fetches new credentials hours before the old expire', async () => {
    vi.useFakeTimers({ now: 0 });
    const { ice, fetch } = setup([
      { ok: true, data: turnConfig(12 * HOUR) },
      { ok: true, data: turnConfig(20 * HOUR, 'u_1b') },
    ]);
    ice.start();
    await ice.ready();
    await vi.advanceTimersByTimeAsync(8 * HOUR - 1000);
    expect(fetch).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect((await ice.ready()).iceServers[0]?.username).toBe(`${20 * 3600}:u_1b`);
  });

  it('falls back to host candidates when the servers cannot be fetched, and tries again', async () => {
    vi.useFakeTimers({ now: 0 });
    const { ice, fetch } = setup([
      { ok: false, error: { status: 0, code: 'network', message: 'Cannot reach Ringside.' } },
      { ok: true, data: turnConfig(12 * HOUR) },
    ]);
    ice.start();
    expect(await ice.ready()).toEqual(HOST_ONLY);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect((await ice.ready()).iceTransportPolicy).toBe('relay');
  });

  it('forgets the servers at sign-out, and a reply that lands after it', async () => {
    vi.useFakeTimers({ now: 0 });
    let land: (reply: ApiResult<IceConfig>) => void = () => undefined;
    const fetch = vi.fn(() => new Promise<ApiResult<IceConfig>>((resolve) => (land = resolve)));
    const ice = new IceServers({ fetch });
    ice.start();
    ice.stop();
    land({ ok: true, data: turnConfig(12 * HOUR) });
    await Promise.resolve();
    // the next user's first call asks again rather than using the last user's credentials
    const next = ice.ready();
    land({ ok: true, data: turnConfig(12 * HOUR, 'u_2') });
    expect((await next).iceServers[0]?.username).toBe(`${12 * 3600}:u_2`);
    await vi.advanceTimersByTimeAsync(24 * HOUR);
    // and keeps them fresh: a refresh 8 h on
    expect(fetch).toHaveBeenCalledTimes(3);
  });
});
