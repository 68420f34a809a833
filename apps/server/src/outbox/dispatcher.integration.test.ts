import type { OutgoingEvent } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { capturedLogger } from '../testing/test-auth-server';
import { ENGINES, useTestDatabase } from '../testing/test-databases';
import type { Repos } from '../repos';
import { seedWorkspace, testRepos } from '../testing/test-seed';
import { createDispatcher, type DispatcherOptions } from './dispatcher';
import type { PostRequest, PostResult } from './post-event';

const RETRY = { baseMs: 1_000, maxMs: 4_000, maxAttempts: 3 };

function endedEvent(id: string): OutgoingEvent {
  return {
    event: 'call.ended',
    id,
    createdAt: '2025-07-21T16:27:13.000Z',
    data: {
      callId: 'call-1',
      channel: 'whatsapp',
      direction: 'inbound',
      customer: { number: '+918097530000' },
      business: { channelId: 'ch-1', label: 'Acme' },
      outcome: 'completed',
      startedAt: '2025-07-21T16:24:13.000Z',
      endedAt: '2025-07-21T16:27:13.000Z',
      durationSec: 180,
    },
  };
}

/** a dispatcher on a hand-moved clock, recording what it would POST */
function harness(
  repos: Repos,
  answer: (request: PostRequest) => PostResult = () => ({ ok: true, statusCode: 200 }),
) {
  // a little ahead of the database's now(), so whatever a test enqueues is already due
  let now = Date.now() + 5_000;
  const posted: PostRequest[] = [];
  const dispatcher = createDispatcher({
    repos,
    clock: () => new Date(now),
    logger: capturedLogger().logger,
    options: {
      retry: RETRY,
      random: () => 1,
      post: async (request) => {
        posted.push(request);
        return answer(request);
      },
    },
  });
  return {
    dispatcher,
    posted,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/**
 * a dispatcher whose receivers at `https://slow.` hang until one at `https://fast.` got an
 * event (or a 3 s stand-in for the request timeout passes): `seen` says in which order things
 * happened, with no clock involved
 */
function hangingReceivers(repos: Repos, options: DispatcherOptions = {}) {
  const seen: string[] = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let slowStarted!: () => void;
  const started = new Promise<void>((resolve) => (slowStarted = resolve));
  let inFlight = 0;
  let most = 0;
  const dispatcher = createDispatcher({
    repos,
    clock: () => new Date(Date.now() + 5_000),
    logger: capturedLogger().logger,
    options: {
      pollMs: 10,
      retry: RETRY,
      ...options,
      post: async (request) => {
        if (request.url.startsWith('https://fast.')) {
          seen.push('fast delivered');
          release();
          return { ok: true, statusCode: 200 };
        }
        inFlight += 1;
        most = Math.max(most, inFlight);
        slowStarted();
        const timedOut = new Promise<string>((resolve) => {
          const timer = setTimeout(() => resolve('timeout'), 3_000);
          void released.then(() => clearTimeout(timer));
        });
        const how = await Promise.race([released.then(() => 'released'), timedOut]);
        seen.push(`slow ${how}`);
        inFlight -= 1;
        return how === 'released'
          ? { ok: true, statusCode: 200 }
          : { ok: false, error: 'No answer within 3 s.' };
      },
    },
  });
  return {
    seen,
    mostInFlight: () => most,
    /** runs the loop; once a slow request hangs, `then` adds the other workspace's event */
    async whileHanging(then: () => Promise<void>): Promise<void> {
      dispatcher.start();
      try {
        await started;
        await then();
        dispatcher.kick();
        await released;
      } finally {
        release();
        await dispatcher.stop();
      }
      // the rest goes through now the receivers answer, leaving nothing due behind
      while ((await dispatcher.runOnce()) > 0);
    },
  };
}

async function subscribe(
  repos: Repos,
  workspaceId: string,
  url: string,
  events: ('*' | 'call.ended' | 'call.ringing')[],
  active = true,
) {
  return repos.webhookSubscriptions.createSubscription({
    workspaceId,
    url,
    events,
    secret: `secret-for-${url}`,
    active,
  });
}

describe.each(ENGINES)('the outgoing webhook dispatcher on %s', (engine) => {
  const database = useTestDatabase(engine);

  it('fans an event out to each active subscription that wants it, once per event id', async () => {
    const repos = testRepos(database().db);
    const { workspaceId } = await seedWorkspace(repos, []);
    const other = await seedWorkspace(repos, []);
    await subscribe(repos, workspaceId, 'https://a.example/all', ['*']);
    await subscribe(repos, workspaceId, 'https://b.example/ended', ['call.ended']);
    await subscribe(repos, workspaceId, 'https://c.example/ringing', ['call.ringing']);
    await subscribe(repos, workspaceId, 'https://d.example/off', ['*'], false);
    await subscribe(repos, other.workspaceId, 'https://e.example/other', ['*']);
    const { dispatcher, posted } = harness(repos);

    // the same event enqueued twice (a retried change) is delivered once per subscriber
    await repos.outgoingEvents.enqueue(workspaceId, endedEvent('evt_same'));
    await repos.outgoingEvents.enqueue(workspaceId, endedEvent('evt_same'));
    await dispatcher.runOnce();
    await dispatcher.runOnce();

    expect(posted.map((p) => p.url).sort()).toEqual([
      'https://a.example/all',
      'https://b.example/ended',
    ]);
    expect(posted.every((p) => p.eventId === 'evt_same' && p.event === 'call.ended')).toBe(true);
    expect(posted.map((p) => p.secret).sort()).toEqual([
      'secret-for-https://a.example/all',
      'secret-for-https://b.example/ended',
    ]);
    expect(JSON.parse(posted[0]?.body ?? '')).toEqual(endedEvent('evt_same'));
  });

  it('retries a failing receiver with growing waits, then gives up', async () => {
    const repos = testRepos(database().db);
    const { workspaceId } = await seedWorkspace(repos, []);
    const sub = await subscribe(repos, workspaceId, 'https://down.example/hook', ['*']);
    const { dispatcher, posted, advance } = harness(repos, () => ({
      ok: false,
      statusCode: 502,
      error: 'The receiver answered HTTP 502.',
    }));
    await repos.outgoingEvents.enqueue(workspaceId, endedEvent('evt_retry'));

    await dispatcher.runOnce();
    expect(posted).toHaveLength(1);
    advance(999);
    await dispatcher.runOnce();
    expect(posted).toHaveLength(1); // not due before the first wait (1 s)
    advance(1);
    await dispatcher.runOnce();
    expect(posted).toHaveLength(2);
    advance(1_999);
    await dispatcher.runOnce();
    expect(posted).toHaveLength(2); // the second wait is 2 s
    advance(1);
    await dispatcher.runOnce();
    expect(posted).toHaveLength(3);
    advance(60_000);
    await dispatcher.runOnce();
    expect(posted).toHaveLength(3); // three attempts in all

    const { items } = await repos.webhookDeliveries.listDeliveries(workspaceId, sub.id, {
      limit: 10,
    });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastStatusCode: 502,
      lastError: 'The receiver answered HTTP 502.',
    });
  });

  it('never hands one delivery to two workers at once', async () => {
    const repos = testRepos(database().db);
    const { workspaceId } = await seedWorkspace(repos, []);
    await subscribe(repos, workspaceId, 'https://once.example/hook', ['*']);
    const first = harness(repos);
    const second = harness(repos);
    for (let i = 0; i < 10; i += 1)
      await repos.outgoingEvents.enqueue(workspaceId, endedEvent(`evt_race_${i}`));
    await first.dispatcher.runOnce(); // fan-out
    // rounds racing on both workers until nothing is left: a round takes at most 4 deliveries
    // per receiver (the per-receiver share), so one round of each cannot be relied on for all 10
    for (let round = 0; round < 10; round += 1) {
      const handled = await Promise.all([
        first.dispatcher.runOnce(),
        second.dispatcher.runOnce(),
        first.dispatcher.runOnce(),
      ]);
      if (handled.every((n) => n === 0)) break;
    }
    const keys = [...first.posted, ...second.posted]
      .map((p) => p.eventId)
      .filter((k) => k.startsWith('evt_race_'));
    expect(keys.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `evt_race_${i}`).sort());
  });

  it('delivers another workspace’s event while one receiver hangs with a backlog', async () => {
    const repos = testRepos(database().db);
    const slow = await seedWorkspace(repos, []);
    const fast = await seedWorkspace(repos, []);
    await subscribe(repos, slow.workspaceId, 'https://slow.example/hook', ['*']);
    await subscribe(repos, fast.workspaceId, 'https://fast.example/hook', ['*']);
    // a backlog for the slow receiver, larger than one round takes
    for (let i = 0; i < 30; i += 1)
      await repos.outgoingEvents.enqueue(slow.workspaceId, endedEvent(`evt_slow_${i}`));
    const run = hangingReceivers(repos);
    await run.whileHanging(async () => {
      await repos.outgoingEvents.enqueue(fast.workspaceId, endedEvent('evt_fast'));
    });
    expect(run.seen[0]).toBe('fast delivered');
    // the slow receiver had only a few requests open at once, not the whole backlog
    expect(run.mostInFlight()).toBeGreaterThan(0);
    expect(run.mostInFlight()).toBeLessThanOrEqual(4);
    expect(run.seen.filter((entry) => entry === 'slow released')).toHaveLength(30);
  });

  it('delivers another workspace’s event while one workspace’s many receivers all hang', async () => {
    const repos = testRepos(database().db);
    const slow = await seedWorkspace(repos, []);
    const fast = await seedWorkspace(repos, []);
    for (let i = 0; i < 10; i += 1)
      await subscribe(repos, slow.workspaceId, `https://slow.example/hook-${i}`, ['*']);
    await subscribe(repos, fast.workspaceId, 'https://fast.example/hook', ['*']);
    await repos.outgoingEvents.enqueue(slow.workspaceId, endedEvent('evt_slow_many'));
    // fewer slots on this node than the slow workspace has receivers
    const run = hangingReceivers(repos, { maxInFlight: 8, perReceiver: 2, perWorkspace: 4 });
    await run.whileHanging(async () => {
      await repos.outgoingEvents.enqueue(fast.workspaceId, endedEvent('evt_fast_many'));
    });
    expect(run.seen[0]).toBe('fast delivered');
    expect(run.mostInFlight()).toBeLessThanOrEqual(4);
    expect(run.seen.filter((entry) => entry === 'slow released')).toHaveLength(10);
  });

  it('parks an outbox message it has no consumer for instead of spinning on it', async () => {
    const repos = testRepos(database().db);
    const { workspaceId } = await seedWorkspace(repos, []);
    const { dispatcher, posted } = harness(repos);
    const row = await repos.outbox.enqueue(database().db, {
      workspaceId,
      topic: 'email:digest',
      payload: {},
    });
    expect(await dispatcher.runOnce()).toBeGreaterThan(0);
    expect(await dispatcher.runOnce()).toBe(0);
    expect(posted).toEqual([]);
    const later = await repos.outbox.claimDue(new Date(Date.now() + 25 * 3_600_000), 100);
    expect(later.find((m) => m.id === row.id)).toMatchObject({
      id: row.id,
      lastError: 'no consumer for topic email:digest',
    });
  });
});
