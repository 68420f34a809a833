import { metaWebhookSchema, msgrWebhookSchema, waWebhookSchema } from '@ringside/contracts';
import { verifyMetaSignature } from '@ringside/contracts/signature';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetaSim, type MetaSim } from '../create-meta-sim';
import type { MetaSimOptions } from '../engine/config';
import { createFakeMediaFactory } from '../engine/fake-media';
import { startTestReceiver, type TestReceiver } from './test-receiver';

const SECRET = 'test-app-secret';

let sim: MetaSim | undefined;
let receiver: TestReceiver | undefined;

async function start(webhooks: MetaSimOptions['webhooks'] = {}): Promise<[MetaSim, TestReceiver]> {
  receiver = await startTestReceiver();
  sim = createMetaSim({
    media: createFakeMediaFactory(),
    appSecret: SECRET,
    webhookUrl: receiver.url,
    webhooks: { retry: { baseDelayMs: 20, maxAttempts: 4 }, ...webhooks },
  });
  return [sim, receiver];
}

afterEach(async () => {
  await sim?.close();
  await receiver?.close();
  sim = undefined;
  receiver = undefined;
});

/** event names in a received body, in order: connect, terminate, … */
function eventsIn(json: unknown): string[] {
  const body = metaWebhookSchema.parse(json);
  if (body.object === 'page') return body.entry.flatMap((e) => (e.calls ?? []).map((c) => c.event));
  return body.entry.flatMap((e) =>
    e.changes.flatMap((c) => (c.value.calls ?? []).map((x) => x.event)),
  );
}

describe('signed webhook delivery', () => {
  it('signs the exact bytes with the app secret, as Meta does', async () => {
    const [sim, receiver] = await start();
    const call = await sim.placeCall({ channel: 'whatsapp', name: 'Rahul', from: '918097530000' });
    const [hit] = await receiver.waitFor(1);

    const signature = hit?.headers['x-hub-signature-256'];
    expect(verifyMetaSignature(hit?.raw ?? '', String(signature), SECRET)).toEqual({ ok: true });
    expect(verifyMetaSignature(hit?.raw ?? '', String(signature), 'another-secret').ok).toBe(false);
    const body = waWebhookSchema.parse(hit?.json);
    const value = body.entry[0]?.changes[0]?.value;
    expect(value?.contacts?.[0]).toEqual({ profile: { name: 'Rahul' }, wa_id: '918097530000' });
    expect(value?.calls?.[0]).toMatchObject({
      id: call.id,
      event: 'connect',
      direction: 'USER_INITIATED',
    });
    // meta escapes slashes: re-serialising the parsed body would break the signature
    expect(hit?.raw.toString()).toContain('opus\\/48000\\/2');
  });

  it('retries until the first 2xx: 500, 500, 200 gives exactly 3 attempts with doubling waits', async () => {
    const [sim, receiver] = await start();
    receiver.answerWith(500, 500);
    const call = await sim.placeCall({ channel: 'messenger' });
    await receiver.waitFor(3);
    await sim.webhooksSettled();

    const [delivery] = sim.deliveries({ callId: call.id });
    expect(delivery?.state).toBe('delivered');
    expect(delivery?.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
    const starts = delivery?.attempts.map((a) => a.at) ?? [];
    expect((starts[1] ?? 0) - (starts[0] ?? 0)).toBeGreaterThanOrEqual(20);
    expect((starts[2] ?? 0) - (starts[1] ?? 0)).toBeGreaterThanOrEqual(40);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.raw.toString())).size).toBe(1);
  });

  it('gives up after maxAttempts and records the delivery as failed', async () => {
    const [sim, receiver] = await start();
    receiver.answerWith(503, 503, 503, 503, 503);
    await sim.placeCall({ channel: 'messenger' });
    await sim.webhooksSettled();
    const [delivery] = sim.deliveries();
    expect(delivery?.state).toBe('failed');
    expect(delivery?.attempts).toHaveLength(4);
  });

  it('records refused connections as attempts without a status', async () => {
    const [sim] = await start({ retry: { baseDelayMs: 5, maxAttempts: 2 } });
    sim.setWebhookUrl('http://127.0.0.1:9/nowhere');
    await sim.placeCall({ channel: 'messenger' });
    await sim.webhooksSettled();
    const [delivery] = sim.deliveries();
    expect(delivery?.attempts.map((a) => [a.status, a.error !== null])).toEqual([
      [null, true],
      [null, true],
    ]);
  });

  it('records without sending when no URL is set', async () => {
    const [sim, receiver] = await start();
    sim.setWebhookUrl(null);
    await sim.placeCall({ channel: 'whatsapp' });
    await sim.webhooksSettled();
    expect(sim.deliveries().map((d) => [d.state, d.attempts.length])).toEqual([['skipped', 0]]);
    expect(receiver.received).toHaveLength(0);
  });
});

describe('delivery injection switches', () => {
  it('duplicates: every body arrives twice, byte for byte, with the same signature', async () => {
    const [sim, receiver] = await start({ duplicates: 1 });
    const call = await sim.placeCall({ channel: 'messenger' });
    await call.hangUp();
    const hits = await receiver.waitFor(4);
    expect(hits.map((h) => eventsIn(h.json))).toEqual([
      ['connect'],
      ['connect'],
      ['terminate'],
      ['terminate'],
    ]);
    expect(hits[0]?.raw.equals(hits[1]?.raw ?? Buffer.alloc(0))).toBe(true);
    expect(hits[0]?.headers['x-hub-signature-256']).toBe(hits[1]?.headers['x-hub-signature-256']);
    expect(sim.deliveries().filter((d) => d.duplicateOf !== null)).toHaveLength(2);
  });

  it('reorder: a terminate soon after connect arrives first', async () => {
    const [sim, receiver] = await start({ reorder: true, holdMs: 100 });
    const call = await sim.placeCall({ channel: 'whatsapp' });
    await call.hangUp();
    const hits = await receiver.waitFor(2);
    expect(hits.map((h) => eventsIn(h.json))).toEqual([['terminate'], ['connect']]);
  });

  it('batch: events within the hold window share one body, one entry per call', async () => {
    const [sim, receiver] = await start({ batch: true, holdMs: 100 });
    const first = await sim.placeCall({ channel: 'messenger' });
    const second = await sim.placeCall({ channel: 'messenger' });
    await first.hangUp();
    const [hit] = await receiver.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 150));

    expect(receiver.received).toHaveLength(1);
    const body = msgrWebhookSchema.parse(hit?.json);
    expect(body.entry.map((e) => (e.calls ?? []).map((c) => [c.id, c.event]))).toEqual([
      [
        [first.id, 'connect'],
        [first.id, 'terminate'],
      ],
      [[second.id, 'connect']],
    ]);
    expect(sim.deliveries()[0]?.events).toHaveLength(3);
  });

  it('delay: the first attempt waits delayMs', async () => {
    const [sim, receiver] = await start({ delayMs: 150 });
    const placed = Date.now();
    await sim.placeCall({ channel: 'messenger' });
    const [hit] = await receiver.waitFor(1);
    expect((hit?.at ?? 0) - placed).toBeGreaterThanOrEqual(140);
  });

  it('close cancels what is still waiting', async () => {
    const [sim, receiver] = await start({ delayMs: 200 });
    await sim.placeCall({ channel: 'messenger' });
    await sim.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received).toHaveLength(0);
  });
});
