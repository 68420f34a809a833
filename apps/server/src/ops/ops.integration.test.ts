import { beforeAll, describe, expect, it } from 'vitest';
import { capturedLogger } from '../testing/test-auth-server';
import { createApp } from '../create-app';
import { createSecretBox } from '../db/secret-box';
import type { Database } from '../db/database';
import { OPEN_TIMEOUT_MS, openTestDatabase } from '../testing/test-databases';
import { businessAnswerFor } from '../testing/business-sdp';
import { newWhatsAppCallId, whatsappConnect } from '../testing/meta-payloads';
import { command, nextEvent, ORIGIN, useStack, waitUntil } from '../testing/test-stack';

const stack = useStack();

/** the value of one Prometheus sample (name and exact label set); 0 when not exposed yet */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .sort()
    .join(',');
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const got = (match[2] ?? '')
      .split(/,(?=\w+=")/)
      .filter((pair) => pair !== '')
      .sort()
      .join(',');
    if (got === wanted) return Number(match[3]);
  }
  return 0;
}

async function scrape(): Promise<string> {
  const res = await fetch(`${stack().url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  return res.text();
}

describe('health and readiness', () => {
  it('/healthz answers while the process runs', async () => {
    const res = await fetch(`${stack().url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz answers 200 with the database kind when the database answers', async () => {
    const res = await fetch(`${stack().url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', database: 'pglite' });
  });

  describe('with a database of its own', () => {
    // an app of its own: its database is closed under it, which the shared stack must not see.
    // Opened in a hook: a PGlite start (WASM, migrations) can take longer than a test on a busy box
    let database: Database;
    beforeAll(async () => {
      database = await openTestDatabase('pglite');
    }, OPEN_TIMEOUT_MS);

    it('/readyz answers 503 once the database can no longer be reached', async () => {
      const app = createApp({
        database,
        secretBox: createSecretBox(Buffer.alloc(32, 4).toString('base64')),
        logger: capturedLogger().logger,
        publicOrigins: [ORIGIN],
        meta: { appSecret: 'ops-test-secret', verifyToken: 'ops-test-token' },
        graphApi: { baseUrl: 'http://127.0.0.1:9', version: 'v24.0' },
      });
      try {
        const url = await app.listen(0);
        expect((await fetch(`${url}/readyz`)).status).toBe(200);
        await database.close();
        const res = await fetch(`${url}/readyz`);
        expect(res.status).toBe(503);
        expect(await res.json()).toEqual({ status: 'unavailable', database: 'pglite' });
        // the process itself is still alive
        expect((await fetch(`${url}/healthz`)).status).toBe(200);
      } finally {
        await app.close();
        await database.close();
      }
    });
  });
});

describe('/metrics', () => {
  it('counts an answered WhatsApp call: webhooks, Graph requests, outcome, time to answer', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent('Asha');
    const before = await scrape();

    const ringing = nextEvent(agent.socket, 'call:ringing');
    const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    const ring = await ringing;
    expect(await command(agent.socket, 'call:accept', { callId: ring.callId })).toEqual({
      ok: true,
    });
    expect(
      await command(agent.socket, 'call:answer', {
        callId: ring.callId,
        sdp: businessAnswerFor(ring.sdpOffer ?? ''),
      }),
    ).toEqual({ ok: true });
    await call.waitFor('accepted');
    const ended = nextEvent(agent.socket, 'call:ended', (e) => e.callId === ring.callId);
    await call.hangUp();
    expect((await ended).outcome).toBe('completed');
    await stack().settled();

    const after = await scrape();
    const delta = (name: string, labels: Record<string, string> = {}) =>
      sample(after, name, labels) - sample(before, name, labels);
    // the connect and the terminate, at least (Meta may add status deliveries)
    expect(
      delta('ringside_webhooks_total', { object: 'whatsapp_business_account', result: 'stored' }),
    ).toBeGreaterThanOrEqual(2);
    expect(delta('ringside_webhook_events_total', { kind: 'call.offered', result: 'new' })).toBe(1);
    expect(delta('ringside_webhook_events_total', { kind: 'call.terminated', result: 'new' })).toBe(
      1,
    );
    for (const operation of ['whatsapp.pre_accept', 'whatsapp.accept']) {
      expect(delta('ringside_graph_request_seconds_count', { operation })).toBe(1);
      expect(delta('ringside_graph_request_seconds_sum', { operation })).toBeGreaterThan(0);
    }
    expect(delta('ringside_calls_ended_total', { channel: 'whatsapp', outcome: 'completed' })).toBe(
      1,
    );
    expect(delta('ringside_time_to_answer_seconds_count', { channel: 'whatsapp' })).toBe(1);
    expect(
      delta('ringside_time_to_answer_seconds_bucket', { channel: 'whatsapp', le: '+Inf' }),
    ).toBe(1);
  });

  it('counts signature failures by reason and Graph refusals by Meta’s code', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const before = await scrape();

    const body = JSON.stringify(
      whatsappConnect({ phoneNumberId: ws.phoneNumberId, callId: newWhatsAppCallId() }),
    );
    expect((await stack().postWebhook(body, null)).status).toBe(401);
    expect((await stack().postWebhook(body, `sha256=${'0'.repeat(64)}`)).status).toBe(401);

    // a call Meta never placed: its pre_accept is refused with code 100
    const ringing = nextEvent(agent.socket, 'call:ringing');
    expect((await stack().postWebhook(body)).status).toBe(200);
    const ring = await ringing;
    await command(agent.socket, 'call:accept', { callId: ring.callId });
    const ended = nextEvent(agent.socket, 'call:ended', (e) => e.callId === ring.callId);
    const ack = await command(agent.socket, 'call:answer', {
      callId: ring.callId,
      sdp: businessAnswerFor(ring.sdpOffer ?? ''),
    });
    expect(ack.ok).toBe(false);
    expect((await ended).outcome).toBe('failed');

    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) =>
      sample(after, name, labels) - sample(before, name, labels);
    expect(delta('ringside_webhook_signature_failures_total', { reason: 'missing' })).toBe(1);
    expect(delta('ringside_webhook_signature_failures_total', { reason: 'mismatch' })).toBe(1);
    expect(
      delta('ringside_graph_errors_total', { operation: 'whatsapp.pre_accept', code: '100' }),
    ).toBe(1);
    expect(
      delta('ringside_graph_request_seconds_count', { operation: 'whatsapp.pre_accept' }),
    ).toBe(1);
    expect(delta('ringside_calls_ended_total', { channel: 'whatsapp', outcome: 'failed' })).toBe(1);
  });

  it('the sockets gauge follows consoles connecting and disconnecting', async () => {
    const ws = await stack().workspace();
    const user = await ws.addUser('agent');
    const gauge = async () => sample(await scrape(), 'ringside_sockets');
    // the earlier tests' consoles were dropped after each test
    await waitUntil('no console is connected', async () => (await gauge()) === 0);

    const first = await stack().connect(user.email);
    const second = await stack().connect(user.email);
    expect(await gauge()).toBe(2);

    first.disconnect();
    await waitUntil('the gauge falls to one', async () => (await gauge()) === 1);
    second.disconnect();
    await waitUntil('the gauge falls to zero', async () => (await gauge()) === 0);
  });
});
