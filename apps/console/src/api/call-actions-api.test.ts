import { describe, expect, it } from 'vitest';
import { CallActionsApi } from './call-actions-api';
import { RestClient } from './rest-client';

describe('CallActionsApi', () => {
  it('ends the call from a closing tab with a request that outlives the page', async () => {
    const seen: { url: string; init: RequestInit | undefined }[] = [];
    const api = new CallActionsApi(
      new RestClient(async (url, init) => {
        seen.push({ url, init });
        return new Response(null, { status: 204 });
      }),
    );
    api.hangUpOnUnload('call 1');
    await Promise.resolve();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('/api/calls/call%201/hangup');
    expect(seen[0]?.init).toMatchObject({
      method: 'POST',
      keepalive: true,
      credentials: 'same-origin',
    });
  });

  it('tells the server the tab is closing on the call, with a request that outlives the page', async () => {
    const seen: { url: string; init: RequestInit | undefined }[] = [];
    const api = new CallActionsApi(
      new RestClient(async (url, init) => {
        seen.push({ url, init });
        return new Response(null, { status: 204 });
      }),
    );
    api.leaveOnUnload('call 1');
    await Promise.resolve();
    expect(seen.map((s) => s.url)).toEqual(['/api/calls/call%201/tab-closed']);
    expect(seen[0]?.init).toMatchObject({ method: 'POST', keepalive: true });
  });

  it('lets a closing tab go quietly when the server cannot be reached', async () => {
    const api = new CallActionsApi(new RestClient(() => Promise.reject(new TypeError('offline'))));
    // a rejection left unhandled here would fail the run
    expect(() => api.hangUpOnUnload('c1')).not.toThrow();
    expect(() => api.leaveOnUnload('c1')).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
});
