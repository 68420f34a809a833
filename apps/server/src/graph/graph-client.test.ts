import { afterEach, describe, expect, it } from 'vitest';
import { startScriptedHttp, type ScriptedReply } from '../testing/scripted-http';
import { GraphApiError } from './graph-api-error';
import { createGraphClient } from './graph-client';
import type { GraphRequestResult } from './graph-transport';

const creds = { nodeId: '115017831530658', accessToken: 'EAAG-secret-token-xyz' };
const ok = { status: 200, body: { messaging_product: 'whatsapp', success: true } };
const metaError = (status: number, code: number, extra: object = {}): ScriptedReply => ({
  status,
  body: {
    error: {
      message: 'raw meta text',
      type: 'OAuthException',
      code,
      fbtrace_id: 'AbCdTrace',
      ...extra,
    },
  },
});

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});

async function setup(replies: ScriptedReply[], options: { timeoutMs?: number } = {}) {
  const meta = await startScriptedHttp(replies);
  closers.push(meta.close);
  const results: GraphRequestResult[] = [];
  const sleeps: number[] = [];
  const graph = createGraphClient({
    baseUrl: meta.url,
    version: 'v24.0',
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    onResult: (r) => results.push(r),
    ...options,
  });
  return { meta, graph, results, sleeps };
}

describe('graph client', () => {
  it('sends pre_accept with the bearer token, the version in the path and the typed body', async () => {
    const { meta, graph } = await setup([ok]);
    await graph.whatsapp.preAccept(creds, 'wacid.1', 'v=0\r\n');
    const [req] = meta.requests;
    expect(req?.method).toBe('POST');
    expect(req?.url).toBe('/v24.0/115017831530658/calls');
    expect(req?.headers.authorization).toBe('Bearer EAAG-secret-token-xyz');
    expect(JSON.parse(req?.body ?? '')).toEqual({
      messaging_product: 'whatsapp',
      action: 'pre_accept',
      call_id: 'wacid.1',
      session: { sdp_type: 'answer', sdp: 'v=0\r\n' },
    });
  });

  it('retries a 5xx with backoff and then succeeds', async () => {
    const { meta, graph, results, sleeps } = await setup([
      metaError(500, 1),
      metaError(503, 2),
      ok,
    ]);
    await expect(graph.whatsapp.accept(creds, 'wacid.1', 'v=0\r\n')).resolves.toMatchObject({
      success: true,
    });
    expect(meta.requests).toHaveLength(3);
    expect(sleeps).toEqual([125, 250]); // full jitter at random() = 0.5 over 250, 500
    expect(results.map((r) => r.httpStatus)).toEqual([500, 503, 200]);
  });

  it('reports a 5xx or 4xx without Meta’s error body by its HTTP status', async () => {
    const { graph, results } = await setup([
      { status: 502, body: 'Bad Gateway' },
      { status: 404, body: {} },
    ]);
    const error = (await graph.whatsapp
      .terminate(creds, 'wacid.1')
      .catch((e: unknown) => e)) as GraphApiError;
    expect(error).toMatchObject({ kind: 'meta', httpStatus: 404, retryable: false });
    expect(results.map((r) => [r.httpStatus, r.error])).toEqual([
      [502, 'http-502'],
      [404, 'http-404'],
    ]);
  });

  it('retries 138004 (connection error) but not 138006 (no permission)', async () => {
    const transient = await setup([metaError(400, 138004), ok]);
    await transient.graph.whatsapp.terminate(creds, 'wacid.1');
    expect(transient.meta.requests).toHaveLength(2);

    const permanent = await setup([metaError(400, 138006), ok]);
    const error = await permanent.graph.whatsapp
      .connect(creds, '+15550001', 'v=0\r\n')
      .catch((e: unknown) => e);
    expect(permanent.meta.requests).toHaveLength(1);
    expect(error).toBeInstanceOf(GraphApiError);
    expect(error).toMatchObject({
      code: 138006,
      retryable: false,
      fbtraceId: 'AbCdTrace',
      httpStatus: 400,
    });
  });

  it('a reply slower than the per-request timeout fails as a timeout, is retried, and the retry succeeds', async () => {
    const { meta, graph, results } = await setup([{ ...ok, delayMs: 2_000 }, ok], {
      timeoutMs: 150,
    });
    const started = performance.now();
    await expect(graph.whatsapp.accept(creds, 'wacid.1', 'v=0\r\n')).resolves.toMatchObject({
      success: true,
    });
    // it gave up on the slow answer at its timeout instead of waiting it out
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(meta.requests).toHaveLength(2);
    expect(results.map((r) => [r.attempt, r.error, r.httpStatus])).toEqual([
      [1, 'timeout', undefined],
      [2, undefined, 200],
    ]);
    expect(results[0]?.durationMs).toBeGreaterThanOrEqual(140);
  });

  it('times out a reply whose body stalls after its headers, like one that never starts', async () => {
    const { meta, graph, results } = await setup([{ ...ok, bodyDelayMs: 2_000 }, ok], {
      timeoutMs: 150,
    });
    await graph.whatsapp.terminate(creds, 'wacid.1');
    expect(meta.requests).toHaveLength(2);
    expect(results.map((r) => r.error)).toEqual(['timeout', undefined]);
  });

  it('does not repeat a connect that timed out (it may have placed the call) and says so', async () => {
    const { meta, graph, results } = await setup([{ ...ok, delayMs: 2_000 }], { timeoutMs: 150 });
    const error = await graph.whatsapp
      .connect(creds, '+15550001', 'v=0\r\n')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphApiError);
    expect(error).toMatchObject({
      kind: 'timeout',
      retryable: true,
      message: 'Meta did not answer within 150 ms.',
    });
    expect(meta.requests).toHaveLength(1);
    expect(results.map((r) => r.error)).toEqual(['timeout']);
  });

  it('retries rate limits: a bare HTTP 429 and the call rate limit 138005', async () => {
    const { meta, graph, results, sleeps } = await setup([
      { status: 429, body: 'Too Many Requests' },
      metaError(400, 138005),
      ok,
    ]);
    await expect(graph.whatsapp.reject(creds, 'wacid.1')).resolves.toMatchObject({
      success: true,
    });
    expect(meta.requests).toHaveLength(3);
    expect(results.map((r) => [r.httpStatus, r.error])).toEqual([
      [429, 'http-429'],
      [400, 138005],
      [200, undefined],
    ]);
    expect(sleeps).toEqual([125, 250]);
  });

  it('accepts a bare {"success":true} (Meta’s call-flow examples) as well as the reference shape', async () => {
    const { graph } = await setup([{ status: 200, body: { success: true } }, ok]);
    await expect(graph.whatsapp.accept(creds, 'wacid.1', 'v=0\r\n')).resolves.toMatchObject({
      success: true,
    });
    await expect(graph.whatsapp.terminate(creds, 'wacid.1')).resolves.toMatchObject({
      success: true,
    });
  });

  it('does not retry 138007 (our SDP was not applied in time) although it comes as HTTP 500', async () => {
    const { meta, graph, sleeps } = await setup([metaError(500, 138007), ok]);
    const error = (await graph.whatsapp
      .accept(creds, 'wacid.1', 'v=0\r\n')
      .catch((e: unknown) => e)) as GraphApiError;
    expect(error).toMatchObject({ code: 138007, httpStatus: 500, retryable: false });
    expect(meta.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('retries Meta’s 429s with backoff whatever the code (138002 concurrent calls, 613 look-ups)', async () => {
    const { meta, graph, sleeps } = await setup([metaError(429, 138002), metaError(429, 613), ok]);
    await expect(graph.whatsapp.reject(creds, 'wacid.1')).resolves.toMatchObject({
      success: true,
    });
    expect(meta.requests).toHaveLength(3);
    expect(sleeps).toEqual([125, 250]);
  });

  it('names a customer known only by BSUID as `recipient`, a phone as `to`', async () => {
    const { meta, graph } = await setup([
      { status: 200, body: { calls: [{ id: 'wacid.9' }] } },
      {
        status: 200,
        body: {
          permission: { status: 'temporary' },
          actions: [{ action_name: 'start_call', can_perform_action: true }],
        },
      },
      { status: 200, body: { messaging_product: 'whatsapp', calls: [{ id: 'wacid.10' }] } },
    ]);
    await graph.whatsapp.connect(creds, 'US.13491208655302741918', 'v=0\r\n');
    await graph.whatsapp.callPermissions(creds, 'US.13491208655302741918');
    await graph.whatsapp.connect(creds, '918097530000', 'v=0\r\n');
    const [byBsuid, lookUp, byPhone] = meta.requests;
    expect(JSON.parse(byBsuid?.body ?? '')).toMatchObject({
      action: 'connect',
      recipient: 'US.13491208655302741918',
    });
    expect(JSON.parse(byBsuid?.body ?? '')).not.toHaveProperty('to');
    expect(lookUp?.url).toBe(
      '/v24.0/115017831530658/call_permissions?recipient=US.13491208655302741918',
    );
    expect(JSON.parse(byPhone?.body ?? '')).toMatchObject({ to: '918097530000' });
    expect(JSON.parse(byPhone?.body ?? '')).not.toHaveProperty('recipient');
  });

  it('gives up on a rate limit that lasts, with what to do in plain words', async () => {
    const { meta, graph } = await setup([metaError(400, 138005)]);
    const error = (await graph.whatsapp
      .terminate(creds, 'wacid.1')
      .catch((e: unknown) => e)) as GraphApiError;
    expect(meta.requests).toHaveLength(3);
    expect(error).toMatchObject({ code: 138005, retryable: true });
    expect(error.meaning).toBe(
      'Too many calls were placed in a short time. Wait a little and try again.',
    );
  });

  it('does not retry a request Meta refused as invalid (code 100)', async () => {
    const { meta, graph, results, sleeps } = await setup([metaError(400, 100), ok]);
    const error = await graph.whatsapp
      .preAccept(creds, 'wacid.1', 'v=0\r\n')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphApiError);
    expect(error).toMatchObject({ code: 100, httpStatus: 400, retryable: false });
    expect(meta.requests).toHaveLength(1);
    expect(results.map((r) => r.error)).toEqual([100]);
    expect(sleeps).toEqual([]);
  });

  it('gives up after the last attempt with Meta’s meaning in plain words', async () => {
    const { meta, graph } = await setup([metaError(503, 138004)]);
    const error = (await graph.whatsapp
      .reject(creds, 'wacid.1')
      .catch((e: unknown) => e)) as GraphApiError;
    expect(meta.requests).toHaveLength(3);
    expect(error.code).toBe(138004);
    expect(error.meaning).not.toBe('raw meta text');
    expect(error.meaning.length).toBeGreaterThan(10);
  });

  it('carries error_data.details (e.g. what was wrong with an SDP)', async () => {
    const { graph } = await setup([
      metaError(400, 100, { error_data: { details: 'Invalid SDP: missing fingerprint' } }),
    ]);
    const error = (await graph.whatsapp
      .accept(creds, 'wacid.1', 'x')
      .catch((e: unknown) => e)) as GraphApiError;
    expect(error).toMatchObject({
      code: 100,
      details: 'Invalid SDP: missing fingerprint',
      retryable: false,
    });
  });

  it('never puts the token in an error message', async () => {
    const { graph } = await setup([metaError(401, 190)]);
    const error = (await graph.messenger
      .terminate(creds, 'c_1')
      .catch((e: unknown) => e)) as GraphApiError;
    expect(error.code).toBe(190);
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(creds.accessToken);
    expect(String(error)).not.toContain(creds.accessToken);
  });

  it('reports a network failure as retryable and keeps trying', async () => {
    const { meta, graph } = await setup([ok]);
    await meta.close();
    closers = [];
    const error = (await graph.whatsapp
      .terminate(creds, 'wacid.1')
      .catch((e: unknown) => e)) as GraphApiError;
    expect(error.kind).toBe('network');
    expect(error.retryable).toBe(true);
  });

  it('refuses a reply of the wrong shape instead of trusting it', async () => {
    const { graph } = await setup([{ status: 200, body: { success: true } }]);
    const error = (await graph.messenger
      .accept(creds, 'c_1', 'v=0\r\n')
      .catch((e: unknown) => e)) as GraphApiError;
    expect(error.kind).toBe('bad-reply');
    expect(error.details).toContain('session');
  });

  it('will not build a path from a node id that could reshape it', async () => {
    const { meta, graph } = await setup([ok]);
    const error = await graph.whatsapp
      .terminate({ ...creds, nodeId: '../me/accounts' }, 'x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphApiError);
    expect(meta.requests).toHaveLength(0);
  });

  it('reads Messenger accept replies with sdp_response and sdp_renegotiation', async () => {
    const { meta, graph } = await setup([
      {
        status: 200,
        body: {
          success: true,
          session: {
            sdp_response: { sdp_type: 'answer', sdp: 'v=0\r\nanswer' },
            sdp_renegotiation: { sdp_type: 'offer', sdp: 'v=0\r\nreoffer' },
          },
        },
      },
    ]);
    const reply = await graph.messenger.accept(
      { ...creds, nodeId: '106378625516323' },
      'c_1',
      'v=0\r\noffer',
    );
    expect(reply.session.sdp_response.sdp).toBe('v=0\r\nanswer');
    expect(reply.session.sdp_renegotiation?.sdp).toBe('v=0\r\nreoffer');
    expect(JSON.parse(meta.requests[0]?.body ?? '')).toMatchObject({
      platform: 'messenger',
      action: 'accept',
      call_id: 'c_1',
    });
  });
});
