import { describe, expect, it } from 'vitest';
import { numberChannel, pageChannel, user } from './admin-testing';
import { channelIds, ringSummary, whoAnswers } from './channel-words';

describe('channel words', () => {
  it('names who answers, or says every agent does', () => {
    const users = [user('u1', 'Asha'), user('u2', 'Bo')];
    expect(whoAnswers(pageChannel(), users)).toBe('Every agent of the workspace');
    expect(whoAnswers(pageChannel({ assignedUserIds: ['u2', 'u1'] }), users)).toBe('Bo, Asha');
    expect(whoAnswers(pageChannel({ assignedUserIds: ['gone'] }), users)).toBe(
      'someone no longer listed',
    );
  });

  it('sums up how a channel rings', () => {
    expect(ringSummary(pageChannel())).toBe(
      'All available agents at once · rings up to 45 s · nobody available: keep ringing until the ring timeout',
    );
    expect(
      ringSummary(
        pageChannel({
          ringStrategy: 'longest-idle',
          agentTimeoutSec: 10,
          whenNobodyAvailable: 'reject',
        }),
      ),
    ).toBe(
      'Longest-idle agent first, one at a time · 10 s each · rings up to 45 s · nobody available: reject the call at once',
    );
  });

  it('sums up a queueing line with its limit (the server’s default when an older one sends none)', () => {
    const queueing = numberChannel({ mediaMode: 'anchored', whenNobodyAvailable: 'queue' });
    expect(ringSummary({ ...queueing, queueLimitSec: 300 })).toBe(
      'All available agents at once · rings up to 45 s · nobody available: queue callers for up to 300 s, then voicemail',
    );
    expect(ringSummary(queueing)).toContain('queue callers for up to 120 s, then voicemail');
  });

  it('shows the Meta ids an admin looks up', () => {
    expect(channelIds(pageChannel())).toBe('Page id 106378625516309');
    expect(channelIds(numberChannel())).toBe(
      'Phone number id 115017831530658 · WABA 114255454940862',
    );
  });
});
