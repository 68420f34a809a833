import { outgoingEventSchema, type OutgoingEvent } from '@ringside/contracts';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { businessAnswerFor } from '../testing/business-sdp';
import { command, nextEvent, waitUntil } from '../testing/socket-helpers';
import { startOutgoingStack, type OutgoingStack } from '../testing/outgoing-stack';
import { startTestReceiver, type TestReceiver } from '../testing/test-receiver';

const SECRET = 'crm-signing-secret-3b9f1c7a';
const FAILURES_PER_EVENT = 2;

let stack: OutgoingStack;
let receiver: TestReceiver;
let admin: string;

beforeAll(async () => {
  stack = await startOutgoingStack();
  receiver = await startTestReceiver(SECRET);
  admin = await stack.signIn((await stack.addUser('admin')).email);
});
afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail') process.stdout.write(stack.logs.slice(-40).join(''));
});
afterAll(async () => {
  await stack?.close();
  await receiver?.close();
});

async function subscribe(events: string[]): Promise<string> {
  const res = await stack.request(admin, '/api/admin/webhooks', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url: receiver.url, events, secret: SECRET }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function unsubscribe(id: string): Promise<void> {
  const res = await stack.request(admin, `/api/admin/webhooks/${id}`, { method: 'DELETE' });
  expect(res.status).toBe(204);
}

function acceptedEvents(): OutgoingEvent[] {
  return receiver.accepted().map(({ body }) => outgoingEventSchema.parse(JSON.parse(body)));
}

// a call's life: it rings, may be answered, is missed or not, and ends (one of each at most)
const LIFE_ORDER = ['call.ringing', 'call.answered', 'call.missed', 'call.ended'];

/**
 * a call's accepted events in the order of its life: each is retried on its own jittered
 * schedule, so two events a few ms apart can arrive either way round (delivery is unordered)
 */
function eventsOf(callId: string): OutgoingEvent[] {
  return acceptedEvents()
    .filter((e) => 'callId' in e.data && e.data.callId === callId)
    .sort((a, b) => LIFE_ORDER.indexOf(a.event) - LIFE_ORDER.indexOf(b.event));
}

/** every key the receiver accepted, accepted once */
function expectEachKeyOnce(): void {
  const keys = receiver.accepted().map((a) => a.key);
  expect(keys.length).toBeGreaterThan(0);
  expect(new Set(keys).size).toBe(keys.length);
}

describe('outgoing event webhooks', () => {
  it('delivers a call’s events signed and keyed, through failures, each exactly once', async () => {
    const subscription = await subscribe(['*']);
    receiver.respondWith(({ attempt, signature }) =>
      !signature.ok ? 401 : attempt <= FAILURES_PER_EVENT ? 500 : 200,
    );
    const agent = await stack.agent();
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const call = await stack.sim.placeCall({
      channel: 'whatsapp',
      name: 'Rahul',
      from: '918097530000',
      to: stack.phoneNumberId,
    });
    const ring = await ringing;
    expect(await command(agent.socket, 'call:accept', { callId: ring.callId })).toEqual({
      ok: true,
    });
    const answer = businessAnswerFor(ring.sdpOffer ?? '');
    expect(
      await command(agent.socket, 'call:answer', { callId: ring.callId, sdp: answer }),
    ).toEqual({
      ok: true,
    });
    await call.waitFor('accepted');
    await call.hangUp();

    await waitUntil('ringing, answered and ended arrive', () => eventsOf(ring.callId).length === 3);
    const events = eventsOf(ring.callId);
    expect(events.map((e) => e.event)).toEqual(['call.ringing', 'call.answered', 'call.ended']);
    expect(events[0]?.data).toMatchObject({
      customer: { name: 'Rahul', number: '+918097530000' },
      business: { number: '+15550109901' },
    });
    expect(events[1]?.data).toMatchObject({ agent: { userId: agent.id } });
    expect(events[2]?.data).toMatchObject({ outcome: 'completed', agent: { userId: agent.id } });

    // the receiver saw every event fail twice, then accepted it; each Idempotency-Key is the body's id
    for (const event of events) {
      const tries = receiver.requests.filter((r) => r.key === event.id);
      expect(tries.map((r) => r.status)).toEqual([500, 500, 200]);
      expect(tries.every((r) => r.signature.ok && r.event === event.event)).toBe(true);
      expect(new Set(tries.map((r) => r.body)).size).toBe(1);
    }
    expectEachKeyOnce();

    const log = await stack.request(admin, `/api/admin/webhooks/${subscription}/deliveries`);
    const page = (await log.json()) as {
      items: { eventId: string; status: string; attempts: number; lastStatusCode: number }[];
    };
    const lines = page.items.filter((item) => events.some((e) => e.id === item.eventId));
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200 });
    }
    await unsubscribe(subscription);
  });

  it('reports a caller who gave up while ringing as missed, then ended', async () => {
    const subscription = await subscribe(['call.missed', 'call.ended']);
    receiver.respondWith(({ signature }) => (signature.ok ? 200 : 401));
    const agent = await stack.agent();
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const call = await stack.sim.placeCall({
      channel: 'whatsapp',
      from: '447700900123',
      to: stack.phoneNumberId,
    });
    const ring = await ringing;
    await call.hangUp();

    await waitUntil('missed and ended arrive', () => eventsOf(ring.callId).length === 2);
    const events = eventsOf(ring.callId);
    expect(events.map((e) => e.event)).toEqual(['call.missed', 'call.ended']);
    expect(events[0]?.data).toMatchObject({
      reason: 'caller-hung-up',
      customer: { number: '+447700900123' },
    });
    expect(events[1]?.data).toMatchObject({ outcome: 'missed', durationSec: 0 });
    // this subscription did not ask for call.ringing
    expect(
      receiver.requests.filter((r) => r.event === 'call.ringing' && r.body.includes(ring.callId)),
    ).toEqual([]);
    expectEachKeyOnce();
    await unsubscribe(subscription);
  });

  it('reports a customer’s answer to a call-permission request, once however often Meta sends it', async () => {
    const subscription = await subscribe(['call.permission_updated']);
    receiver.respondWith(({ signature }) => (signature.ok ? 200 : 401));
    const fixture = readFileSync(
      new URL(
        '../../../../../shared/fixtures/whatsapp/permission-reply-accept.json',
        import.meta.url,
      ),
      'utf8',
    );
    const body = fixture.replaceAll('115017831530658', stack.phoneNumberId);
    expect((await stack.postWebhook(body)).status).toBe(200);
    expect((await stack.postWebhook(body)).status).toBe(200); // meta retries the same delivery

    const permissions = () => acceptedEvents().filter((e) => e.event === 'call.permission_updated');
    await waitUntil('the permission event arrives', () => permissions().length === 1);
    expect(permissions()[0]?.data).toEqual({
      channel: 'whatsapp',
      business: expect.objectContaining({ number: '+15550109901' }),
      customer: { number: '+918097530000' },
      status: 'granted',
      permanent: false,
      expiresAt: new Date(1753720700 * 1000).toISOString(),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(permissions()).toHaveLength(1);
    expectEachKeyOnce();
    await unsubscribe(subscription);
  });

  it('loses nothing across a restart: pending retries and unsent events go out from the new server, once', async () => {
    const subscription = await subscribe(['*']);
    receiver.respondWith(() => 500);
    const agent = await stack.agent();
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const call = await stack.sim.placeCall({ channel: 'whatsapp', to: stack.phoneNumberId });
    const ring = await ringing;
    await call.hangUp();
    await waitUntil('every event was tried at least once', () => {
      const keys = new Set(
        receiver.requests.filter((r) => r.body.includes(ring.callId)).map((r) => r.key),
      );
      return keys.size === 3;
    });
    const tried = new Set(
      receiver.requests.filter((r) => r.body.includes(ring.callId)).map((r) => r.key),
    );

    // while the server is down, a change commits whose event was never fanned out
    let extraId = '';
    await stack.restart(async (repos) => {
      const row = await repos.outgoingEvents.enqueue(stack.workspaceId, {
        event: 'call.permission_updated',
        id: 'evt_written_while_down',
        createdAt: new Date().toISOString(),
        data: {
          channel: 'whatsapp',
          business: { channelId: 'ch', label: 'Outgoing' },
          customer: { number: '+918097530000' },
          status: 'granted',
        },
      });
      extraId = (row.payload as { id: string }).id;
      // nothing of this call got through before the stop
      expect(receiver.accepted().filter((a) => tried.has(a.key))).toEqual([]);
      receiver.respondWith(({ signature }) => (signature.ok ? 200 : 401));
    });

    await waitUntil('the new server delivers everything', () => {
      const keys = new Set(receiver.accepted().map((a) => a.key));
      return [...tried, extraId].every((key) => keys.has(key ?? ''));
    });
    expect(eventsOf(ring.callId).map((e) => e.event)).toEqual([
      'call.ringing',
      'call.missed',
      'call.ended',
    ]);
    expectEachKeyOnce();
    await unsubscribe(subscription);
  });

  it('stops retrying a disabled subscription and marks its pending deliveries cancelled', async () => {
    const subscription = await subscribe(['*']);
    receiver.respondWith(() => 503);
    const agent = await stack.agent();
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const call = await stack.sim.placeCall({ channel: 'whatsapp', to: stack.phoneNumberId });
    const ring = await ringing;
    await call.hangUp();
    await waitUntil('a first failure', () =>
      receiver.requests.some((r) => r.body.includes(ring.callId)),
    );

    const off = await stack.request(admin, `/api/admin/webhooks/${subscription}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ active: false }),
    });
    expect(off.status).toBe(200);
    const list = async () =>
      (
        (await (
          await stack.request(admin, `/api/admin/webhooks/${subscription}/deliveries`)
        ).json()) as {
          items: { status: string; lastError?: string }[];
        }
      ).items;
    await waitUntil('nothing pending', async () =>
      (await list()).every((d) => d.status !== 'pending'),
    );
    const seen = receiver.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.requests.length).toBe(seen);
    expect(
      (await list()).some(
        (d) => d.status === 'cancelled' && d.lastError === 'The subscription is disabled.',
      ),
    ).toBe(true);
    await unsubscribe(subscription);
  });
});
