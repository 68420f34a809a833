import { describe, expect, it } from 'vitest';
import { ringTimeoutMsFor } from './ring-deadline';

const offeredAt = new Date('2026-01-01T10:00:00Z');
const at = (sec: number) => offeredAt.getTime() + sec * 1000;

describe('ringTimeoutMsFor', () => {
  it('rings everyone for the channel’s ring timeout', () => {
    const channel = { ringStrategy: 'all', ringTimeoutSec: 45, agentTimeoutSec: 15 } as const;
    expect(ringTimeoutMsFor(channel, { offeredAt }, at(20))).toBe(45_000);
  });

  it('under longest-idle, ends at the agent’s turn, counted from when they were offered', () => {
    const channel = {
      ringStrategy: 'longest-idle',
      ringTimeoutSec: 45,
      agentTimeoutSec: 15,
    } as const;
    expect(ringTimeoutMsFor(channel, { offeredAt }, at(0))).toBe(15_000);
    expect(ringTimeoutMsFor(channel, { offeredAt }, at(20))).toBe(35_000);
  });

  it('never runs past the call’s own ring timeout', () => {
    const channel = {
      ringStrategy: 'longest-idle',
      ringTimeoutSec: 45,
      agentTimeoutSec: 15,
    } as const;
    expect(ringTimeoutMsFor(channel, { offeredAt }, at(40))).toBe(45_000);
  });

  it('stays positive for an offer that is already over', () => {
    const channel = {
      ringStrategy: 'longest-idle',
      ringTimeoutSec: 45,
      agentTimeoutSec: 1,
    } as const;
    expect(ringTimeoutMsFor(channel, { offeredAt: new Date(at(10)) }, at(0))).toBe(1);
  });
});
