import { describe, expect, it } from 'vitest';
import { VOICEMAIL_MAX_MS, type RingingCall } from '@ringside/calls';
import { ringTimeoutMsFor } from './ring-deadline';

const offeredAt = new Date('2026-01-01T10:00:00Z');
const at = (sec: number) => offeredAt.getTime() + sec * 1000;
/** a line ringing for 45 s, 15 s turns under longest-idle, queueing for 120 s */
const line = (ringStrategy: 'all' | 'longest-idle', agentTimeoutSec = 15) =>
  ({ ringStrategy, ringTimeoutSec: 45, agentTimeoutSec, queueLimitSec: 120 }) as const;

describe('ringTimeoutMsFor', () => {
  it('rings everyone for the channel’s ring timeout', () => {
    const channel = line('all');
    expect(ringTimeoutMsFor(channel, { offeredAt }, at(20))).toBe(45_000);
  });

  it('under longest-idle, ends at the agent’s turn, counted from when they were offered', () => {
    const channel = line('longest-idle');
    expect(ringTimeoutMsFor(channel, { offeredAt }, at(0))).toBe(15_000);
    expect(ringTimeoutMsFor(channel, { offeredAt }, at(20))).toBe(35_000);
  });

  it('never runs past the call’s own ring timeout', () => {
    const channel = line('longest-idle');
    expect(ringTimeoutMsFor(channel, { offeredAt }, at(40))).toBe(45_000);
  });

  it('stays positive for an offer that is already over', () => {
    const channel = line('longest-idle', 1);
    expect(ringTimeoutMsFor(channel, { offeredAt: new Date(at(10)) }, at(0))).toBe(1);
  });
});

describe('a queued call’s ring', () => {
  const channel = line('all');
  const ringing = {
    state: 'ringing',
    agentsOffered: [],
    agentsDeclined: [],
  } as unknown as RingingCall;

  it('lasts until the queue limit, counted from when the engine answered, not the ring timeout', () => {
    const model: RingingCall = { ...ringing, waiting: 'queued', queuedAt: at(5) };
    // offered to an agent three minutes on: the card stays up until 5 s + 120 s
    expect(ringTimeoutMsFor(channel, { offeredAt, model }, at(60))).toBe(125_000);
  });

  it('lasts the voicemail’s longest length once the caller is leaving a message', () => {
    const model: RingingCall = {
      ...ringing,
      waiting: 'voicemail',
      queuedAt: at(5),
      voicemailAt: at(125),
    };
    expect(ringTimeoutMsFor(channel, { offeredAt, model }, at(130))).toBe(
      125_000 + VOICEMAIL_MAX_MS,
    );
  });
});
