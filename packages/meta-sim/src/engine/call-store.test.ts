import { describe, expect, it } from 'vitest';
import { CallStore } from './call-store';
import type { SimEvent } from './events';
import { newCall } from './new-call';

function setup() {
  const events: SimEvent[] = [];
  const store = new CallStore((e) => events.push(e));
  const call = newCall({
    id: 'wacid.1',
    channel: 'whatsapp',
    direction: 'user_initiated',
    businessId: 'biz',
    userId: '15550100001',
    userName: 'Rahul',
    createdAt: 0,
    media: null,
    mediaOptions: {},
  });
  store.add(call);
  return { store, call, events };
}

const ended = {
  state: 'ended',
  acceptedAt: null,
  endedAt: 1,
  reason: 'user-hung-up',
  failure: null,
} as const;

describe('CallStore', () => {
  it('moves along Meta’s order and reports each move', () => {
    const { store, call, events } = setup();
    expect(store.move(call, { state: 'pre-accepted', answerSdp: 'v=0' })).toBe(true);
    expect(store.move(call, { state: 'accepted', acceptedAt: 1 })).toBe(true);
    expect(call.history).toEqual(['ringing', 'pre-accepted', 'accepted']);
    expect(
      events.filter((e) => e.type === 'call.state').map((e) => e.type === 'call.state' && e.state),
    ).toEqual(['ringing', 'pre-accepted', 'accepted']);
  });

  it('ignores (and warns about) a move out of order, such as leaving ended', () => {
    const { store, call, events } = setup();
    store.move(call, ended);
    expect(store.move(call, { state: 'accepted', acceptedAt: 2 })).toBe(false);
    expect(call.phase.state).toBe('ended');
    expect(events.at(-1)).toMatchObject({
      type: 'warning',
      message: expect.stringContaining('ended -> accepted'),
    });
  });

  it('waitFor resolves for a state already passed and rejects when the call ends without it', async () => {
    const { store, call } = setup();
    store.move(call, { state: 'accepted', acceptedAt: 1 });
    await expect(store.waitFor(call.id, 'accepted', 100)).resolves.toBeUndefined();
    const preAccepted = store.waitFor(call.id, 'pre-accepted', 1_000);
    store.move(call, ended);
    await expect(preAccepted).rejects.toThrow(
      /without reaching "pre-accepted"; it went ringing -> accepted -> ended/,
    );
  });

  it('waitFor names an unknown call', async () => {
    const { store } = setup();
    await expect(store.waitFor('nope', 'ended', 100)).rejects.toThrow(/no call nope/);
  });

  it('serial runs one call’s tasks one after another, even when one fails', async () => {
    const { store } = setup();
    const order: string[] = [];
    const slow = store.serial('wacid.1', async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      order.push('slow');
      throw new Error('boom');
    });
    const fast = store.serial('wacid.1', async () => {
      order.push('fast');
      return 42;
    });
    await expect(slow).rejects.toThrow('boom');
    await expect(fast).resolves.toBe(42);
    expect(order).toEqual(['slow', 'fast']);
  });
});
