import { describe, expect, it } from 'vitest';
import { nextEvent, useStack } from '../testing/test-stack';

const stack = useStack();

describe('nobody answers before the ring timeout', () => {
  it('rejects the call at Meta and records it as missed', async () => {
    const ws = await stack().workspace();
    await ws.setRing('whatsapp', { ringTimeoutSec: 2 });
    const agent = await ws.agent();
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    const ring = await ringing;
    expect(ring.ringTimeoutMs).toBe(2_000);

    const ended = await nextEvent(agent.socket, 'call:ended');
    expect(ended).toEqual({ callId: ring.callId, outcome: 'missed' });
    // the ring time counts from when Meta says the call started, as the console's countdown does
    const late = Date.now() - (Date.parse(ring.ringingSince) + ring.ringTimeoutMs);
    expect(late).toBeGreaterThanOrEqual(-50);
    expect(late).toBeLessThan(1_000);
    const heard = await stack().graphRequests(call.id);
    expect(heard.map((r) => [r.action, r.status])).toEqual([['reject', 200]]);
    expect(call.snapshot()).toMatchObject({ state: 'ended', reason: 'business-rejected' });
    await stack().settled();
    const detail = await stack().app.repos.calls.getCall(ws.id, ring.callId);
    expect(detail?.call).toMatchObject({ state: 'ended', outcome: 'missed' });
  });

  it('with nobody available at all, the call still ends missed at the timeout', async () => {
    const ws = await stack().workspace();
    await ws.setRing('messenger', { ringTimeoutSec: 2 });
    const supervisor = await ws.addUser('supervisor');
    const board = await stack().connect(supervisor.email);
    const call = await stack().sim.placeCall({ channel: 'messenger', to: ws.pageId });
    const ended = await nextEvent(board, 'call:ended');
    expect(ended.outcome).toBe('missed');
    const heard = await stack().graphRequests(call.id);
    expect(heard.map((r) => r.action)).toEqual(['reject']);
  });
});
