import type { Call, EndedCall } from '@ringside/calls';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCallReport } from '../reports/call-report';
import { reportSpans, spanIndex } from '../reports/report-buckets';
import { ENGINES, useTestDatabase } from '../testing/test-databases';
import {
  ringingCall,
  seedWorkspace,
  storeCall,
  testRepos,
  type SeededWorkspace,
} from '../testing/test-seed';
import { eq } from 'drizzle-orm';
import { calls } from '../db/schema';
import type { Repos } from './index';

const DAY = Date.parse('2026-07-01T00:00:00Z');
const at = (hours: number, seconds = 0) => DAY + hours * 3_600_000 + seconds * 1000;
const UTC_DAY = { from: '2026-07-01', to: '2026-07-01', tz: 'UTC' } as const;

/** how a seeded call went, from its first ring */
interface Seeded {
  at: number;
  /** answered this many seconds after ringing, then talked `talkSec` */
  answerSec?: number;
  talkSec?: number;
  /** unanswered: ended after this many seconds; `timedOut` when our ring timer ended it */
  ringSec?: number;
  timedOut?: boolean;
  channel?: 'whatsapp' | 'messenger';
  direction?: 'inbound' | 'outbound';
  /** still ringing (not ended) */
  live?: boolean;
  /** after-call work this long after the call ended */
  wrapUpSec?: number;
}

/** stores the call ringing (which fixes its start), then ended as described, with its timeline */
async function seedCall(repos: Repos, ws: SeededWorkspace, call: Seeded): Promise<void> {
  const ringing = ringingCall({ offeredAt: call.at, channel: call.channel ?? 'whatsapp' });
  // a call to a customer never rang here: stored once it ended
  if (call.direction !== 'outbound') await storeCall(repos, ws, ringing);
  if (call.live) return;
  const { sdpOffer: _o, agentsOffered: _a, agentsDeclined: _d, strategy: _s, ...inbound } = ringing;
  const base = { ...inbound, direction: call.direction ?? 'inbound' };
  const answered = call.answerSec !== undefined;
  const answeredAt = call.at + (call.answerSec ?? 0) * 1000;
  const ended: EndedCall = answered
    ? {
        ...base,
        state: 'ended',
        outcome: 'completed',
        agentId: ws.users[0]?.id,
        answeredAt,
        endedAt: answeredAt + (call.talkSec ?? 60) * 1000,
      }
    : {
        ...base,
        state: 'ended',
        outcome: call.direction === 'outbound' ? 'no-answer' : 'missed',
        endedAt: call.at + (call.ringSec ?? 30) * 1000,
      };
  await repos.calls.withCallLock(ended.id, async (_current, tx) => {
    const row = await repos.calls.saveCall(tx, {
      workspaceId: ws.workspaceId,
      channelId: ws.channel.id,
      model: ended satisfies Call,
    });
    const kind = call.timedOut ? 'ring.timeout' : 'webhook.terminated';
    await repos.calls.appendCallEvent(tx, {
      callId: row.id,
      workspaceId: ws.workspaceId,
      kind,
      occurredAt: new Date(ended.endedAt),
    });
    if (call.wrapUpSec !== undefined) {
      await tx
        .update(calls)
        .set({ wrapUpEndedAt: new Date(ended.endedAt + call.wrapUpSec * 1000) })
        .where(eq(calls.id, row.id));
    }
    return row;
  });
}

describe.each(ENGINES)('call reports on %s', (engine) => {
  const database = useTestDatabase(engine);

  it('counts by the definitions: abandoned is the caller hanging up, not the ring timing out', async () => {
    const repos = testRepos(database().db);
    const ws = await seedWorkspace(repos, ['agent']);
    await seedCall(repos, ws, { at: at(9), answerSec: 4, talkSec: 120, wrapUpSec: 30 });
    await seedCall(repos, ws, { at: at(9, 600), answerSec: 20, talkSec: 60 });
    await seedCall(repos, ws, { at: at(9, 1200), answerSec: 36, talkSec: 30 });
    await seedCall(repos, ws, { at: at(10), ringSec: 12 }); // abandoned
    await seedCall(repos, ws, { at: at(10, 60), ringSec: 3 }); // abandoned within 5 s
    await seedCall(repos, ws, { at: at(10, 120), ringSec: 45, timedOut: true }); // missed
    // not counted: a call to a customer, one still ringing, one of another day
    await seedCall(repos, ws, { at: at(11), direction: 'outbound', ringSec: 30 });
    await seedCall(repos, ws, { at: at(11, 60), live: true });
    await seedCall(repos, ws, { at: at(-1), answerSec: 2 });

    const report = await buildCallReport(repos.callReports, ws.workspaceId, {
      ...UTC_DAY,
      bucket: 'day',
    });
    expect(report.rows).toHaveLength(1);
    expect(report.total).toMatchObject({
      offered: 6,
      answered: 3,
      answeredInTarget: 2, // 4 s and exactly 20 s
      missed: 3,
      abandoned: 2,
      shortAbandoned: 1,
      serviceLevel: 0.4, // 2 of the 5 left once the 3-second abandon is out
      abandonRate: 0.3333,
      averageSpeedOfAnswerSec: 20, // (4 + 20 + 36) / 3
      averageHandleSec: 80, // talk plus after-call work: (120 + 30 + 60 + 30) / 3
    });
    expect(report.handleTimeIncludesWrapUp).toBe(true);

    const hourly = await buildCallReport(repos.callReports, ws.workspaceId, {
      ...UTC_DAY,
      bucket: 'hour',
    });
    expect(hourly.rows).toHaveLength(24);
    expect(hourly.rows.map((r) => r.offered).filter((n) => n > 0)).toEqual([3, 3]);
    expect(hourly.rows[9]).toMatchObject({ label: '2026-07-01 09:00', answered: 3, abandoned: 0 });
    expect(hourly.rows[10]).toMatchObject({ label: '2026-07-01 10:00', missed: 3, abandoned: 2 });
    expect(hourly.rows[8]).toMatchObject({
      offered: 0,
      serviceLevel: null,
      averageHandleSec: null,
    });
    expect(hourly.total).toEqual({ ...report.total, label: '2026-07-01' });

    // the board counts the same calls the same way
    const board = await repos.boardFigures.counters(ws.workspaceId, new Date(DAY));
    expect(board).toMatchObject({ answered: 3, missed: 3, averageAnswerMs: 20_000 });
    expect(board.averageCallMs).toBe(70_000);
  });

  it('keeps to the workspace and the channel asked for', async () => {
    const repos = testRepos(database().db);
    const ours = await seedWorkspace(repos, ['agent']);
    const theirs = await seedWorkspace(repos, ['agent'], 'Other');
    await seedCall(repos, ours, { at: at(9), answerSec: 5 });
    await seedCall(repos, ours, { at: at(9, 30), answerSec: 5, channel: 'messenger' });
    await seedCall(repos, theirs, { at: at(9), answerSec: 5 });
    await seedCall(repos, theirs, { at: at(9, 60), ringSec: 8 });
    const report = (channel?: 'whatsapp' | 'messenger') =>
      buildCallReport(repos.callReports, ours.workspaceId, {
        ...UTC_DAY,
        bucket: 'day',
        ...(channel ? { channel } : {}),
      });
    expect((await report()).total.offered).toBe(2);
    expect((await report('whatsapp')).total.offered).toBe(1);
    expect((await report('messenger')).total.offered).toBe(1);
    expect((await report('messenger')).channel).toBe('messenger');
  });

  it('puts every call in exactly one bucket of the zone, and the total is the sum', async () => {
    const repos = testRepos(database().db);
    const zones = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'];
    // around New York's fall-back day, so the repeated hour is in play
    const start = Date.parse('2026-10-31T00:00:00Z');
    const call = fc.record({
      minute: fc.integer({ min: -12 * 60, max: 4 * 24 * 60 }),
      answerSec: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      ringSec: fc.integer({ min: 1, max: 60 }),
      timedOut: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...zones),
        fc.constantFrom('hour' as const, 'day' as const),
        fc.array(call, { minLength: 1, maxLength: 12 }),
        async (tz, bucket, seeded) => {
          const ws = await seedWorkspace(repos, ['agent']);
          for (const c of seeded) {
            const { minute, ...rest } = c;
            await seedCall(repos, ws, { ...rest, at: start + minute * 60_000 });
          }
          const query = { from: '2026-10-31', to: '2026-11-02', tz, bucket };
          const report = await buildCallReport(repos.callReports, ws.workspaceId, query);
          const spans = reportSpans(query);
          const expected = spans.map(() => 0);
          for (const c of seeded) {
            const i = spanIndex(spans, start + c.minute * 60_000);
            if (i >= 0) expected[i] = (expected[i] ?? 0) + 1;
          }
          expect(report.rows.map((r) => r.offered)).toEqual(expected);
          for (const key of ['offered', 'answered', 'missed', 'abandoned'] as const) {
            expect(report.total[key]).toBe(report.rows.reduce((n, r) => n + r[key], 0));
          }
        },
      ),
      { numRuns: 8 },
    );
  }, 120_000);
});
