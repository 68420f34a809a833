import { describe, expect, it } from 'vitest';
import { businessOffer } from '../../testing/business-sdp';
import {
  command,
  nextEvent,
  recordEvents,
  settle,
  useStack,
  waitUntil,
} from '../../testing/test-stack';

// a node that dies takes its in-memory timers along: clearing them plays that node, and this
// stack's sweep (short, so a test does not wait 5 s) must do their work. The grace tells the two
// apart: a timer acts at the deadline, the sweep only `GRACE_MS` after it.
const PERIOD_MS = 200;
const GRACE_MS = 600;
// sweep rounds are jittered up to +20 %; the rest is a busy shared machine
const SLACK_MS = PERIOD_MS * 1.2 + 1_500;
const NO_PICKUP_MS = 1_500;

const stack = useStack({
  timerSweep: { periodMs: PERIOD_MS, graceMs: GRACE_MS },
  noPickupMs: NO_PICKUP_MS,
  sim: { permissionReply: { response: 'accept', delayMs: 100 } },
});

/** the node's timers die with it (the database still says the call rings) */
function loseTimers(): void {
  stack().app.timers.clear();
  expect(stack().app.timers.size).toBe(0);
}

describe('the timer sweep acts for timers their node lost', () => {
  it('rejects a call still ringing past its ring timeout, once, and tells the agent it was missed', async () => {
    const ws = await stack().workspace();
    await ws.setRing('whatsapp', { ringTimeoutSec: 2 });
    const agent = await ws.agent();
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    const ring = await ringing;
    loseTimers();

    const ended = await nextEvent(agent.socket, 'call:ended', () => true, 2_000 + GRACE_MS + 5_000);
    expect(ended).toEqual({ callId: ring.callId, outcome: 'missed' });
    const late = Date.now() - (Date.parse(ring.ringingSince) + ring.ringTimeoutMs);
    // not the (cleared) timer, which acts at the deadline: the sweep, within a round of the grace
    expect(late).toBeGreaterThanOrEqual(GRACE_MS - 50);
    expect(late).toBeLessThan(GRACE_MS + SLACK_MS);
    const heard = await stack().graphRequests(call.id);
    await settle(PERIOD_MS * 3);
    expect(
      stack()
        .sim.requests({ callId: call.id })
        .map((r) => r.action),
    ).toEqual(['reject']);
    expect(heard[0]?.status).toBe(200);
    expect(call.snapshot()).toMatchObject({ state: 'ended', reason: 'business-rejected' });
    const detail = await stack().app.repos.calls.getCall(ws.id, ring.callId);
    expect(detail?.call).toMatchObject({ state: 'ended', outcome: 'missed' });
  });

  it('moves a longest-idle call on to the next agent when the first one’s turn is over', async () => {
    const ws = await stack().workspace();
    await ws.setRing('whatsapp', {
      ringStrategy: 'longest-idle',
      agentTimeoutSec: 1,
      ringTimeoutSec: 30,
    });
    const a = await ws.agent('A');
    await settle(20);
    const b = await ws.agent('B');
    const seenB = recordEvents(b.socket);
    const toA = nextEvent(a.socket, 'call:ringing');
    const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    const ringA = await toA;
    const offeredAt = Date.now();
    loseTimers();

    await waitUntil('B rings', () => seenB.of('call:ringing').length > 0, 1_000 + GRACE_MS + 5_000);
    const waited = Date.now() - offeredAt;
    expect(waited).toBeGreaterThanOrEqual(1_000 + GRACE_MS - 100);
    expect(waited).toBeLessThan(1_000 + GRACE_MS + SLACK_MS);
    expect(seenB.of('call:ringing').map((r) => r.callId)).toEqual([ringA.callId]);
    expect(await command(a.socket, 'call:accept', { callId: ringA.callId })).toEqual({
      ok: false,
      error: { code: 'invalid_state', message: 'This call is no longer ringing for you.' },
    });
    expect(await command(b.socket, 'call:accept', { callId: ringA.callId })).toEqual({ ok: true });
    // moving between agents stays inside Ringside: Meta heard nothing (no reject)
    expect(stack().sim.requests({ callId: call.id })).toHaveLength(0);
    const detail = await stack().app.repos.calls.getCall(ws.id, ringA.callId);
    expect(detail?.call).toMatchObject({ state: 'claimed', agentId: b.id });
    expect(detail?.events.filter((e) => e.kind === 'agent.decline')).toHaveLength(1);
  });

  it('ends an outbound call nobody picked up as no-answer and terminates it at Meta', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const waId = '447700900801';
    stack().sim.setPermission({ businessId: ws.phoneNumberId, userId: waId, status: 'temporary' });
    stack().sim.setCallee(waId, { answer: 'none' });
    const ringing = nextEvent(agent.socket, 'call:updated', (view) => view.state === 'ringing');
    const ended = nextEvent(agent.socket, 'call:ended', () => true, NO_PICKUP_MS + 10_000);
    const dialedAt = Date.now();
    const ack = await command(agent.socket, 'call:dial', {
      channelId: ws.whatsappChannelId,
      to: `+${waId}`,
      sdp: businessOffer(),
    });
    if (!ack.ok) throw new Error(`dial refused: ${ack.error.message}`);
    await ringing;
    loseTimers();

    expect(await ended).toEqual({ callId: ack.callId, outcome: 'no-answer' });
    expect(Date.now() - dialedAt).toBeGreaterThanOrEqual(NO_PICKUP_MS + GRACE_MS - 100);
    const metaCallId = (await stack().app.repos.calls.getCall(ws.id, ack.callId))?.call.metaCallId;
    await stack().graphRequests(metaCallId ?? '', 2);
    await settle(PERIOD_MS * 3);
    expect(
      stack()
        .sim.requests({ callId: metaCallId ?? '' })
        .map((r) => r.action),
    ).toEqual(['connect', 'terminate']);
  });

  it('a sweep racing the call’s own timer does the work once: one reject, one outcome', async () => {
    const ws = await stack().workspace();
    await ws.setRing('whatsapp', { ringTimeoutSec: 2 });
    const agent = await ws.agent();
    const seen = recordEvents(agent.socket);
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    const ring = await ringing;
    const deadline = Date.parse(ring.ringingSince) + ring.ringTimeoutMs;
    // what every sweeping node reads once the deadline has passed (the timer is still armed)
    const overdue = (
      await stack().app.repos.calls.overdueCalls({
        before: new Date(deadline + 1),
        noPickupMs: NO_PICKUP_MS,
        limit: 50,
      })
    ).filter((c) => c.id === ring.callId);
    expect(overdue).toMatchObject([{ overdue: 'ring-timeout', agentIds: [] }]);
    const item = overdue[0]!;

    // at the deadline, as the timer fires: two sweeps act on what they read
    await settle(deadline - Date.now());
    const applied = await Promise.all([
      stack().app.timerSweep.act(item),
      stack().app.timerSweep.act(item),
    ]);
    await waitUntil('the call ended', () => seen.of('call:ended').length > 0);
    await stack().graphRequests(call.id);
    await settle(PERIOD_MS * 3);

    // three commands (the timer's, two sweeps'), at most one of them the sweeps'
    expect(applied.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(1);
    expect(
      stack()
        .sim.requests({ callId: call.id })
        .map((r) => r.action),
    ).toEqual(['reject']);
    expect(seen.of('call:ended')).toEqual([{ callId: ring.callId, outcome: 'missed' }]);
    const detail = await stack().app.repos.calls.getCall(ws.id, ring.callId);
    expect(detail?.call).toMatchObject({ state: 'ended', outcome: 'missed' });
    expect(detail?.events.filter((e) => e.kind === 'ring.timeout')).toHaveLength(1);
    // the later commands reached the model and were ignored there
    const ignored = stack().logs.filter(
      (line) => line.includes('call event ignored') && line.includes(call.id),
    );
    expect(ignored.length).toBeGreaterThanOrEqual(2);
  });

  it('finds nothing to do when no call is overdue', async () => {
    const ws = await stack().workspace();
    await ws.setRing('whatsapp', { ringTimeoutSec: 30 });
    const agent = await ws.agent();
    const ringing = nextEvent(agent.socket, 'call:ringing');
    await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    await ringing;
    const round = await stack().app.timerSweep.runOnce();
    expect(round).toEqual({ found: 0, applied: 0 });
  });
});
