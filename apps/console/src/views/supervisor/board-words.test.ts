import { describe, expect, it } from 'vitest';
import { at, callView, T0 } from '../../state/board-testing';
import {
  agentStatusWords,
  callClock,
  callStateWords,
  callStatusWords,
  qualityFigures,
  qualityWords,
} from './board-words';

describe('callClock', () => {
  it('counts waiting from the start, then talking from the answer', () => {
    expect(callClock(callView('c1', { startedAt: at(0) }))).toEqual({
      label: 'Waiting',
      since: T0,
    });
    expect(
      callClock(callView('c1', { state: 'claimed', startedAt: at(0), answeredAt: at(4_000) })),
    ).toEqual({ label: 'Waiting', since: T0 });
    expect(
      callClock(callView('c1', { state: 'active', startedAt: at(0), answeredAt: at(4_000) })),
    ).toEqual({ label: 'Talking', since: T0 + 4_000 });
  });

  it('shows no clock without a usable time', () => {
    const { startedAt: _none, ...noStart } = callView('c1');
    expect(callClock(noStart)).toBeUndefined();
    expect(callClock(callView('c1', { startedAt: 'not a time' }))).toBeUndefined();
  });
});

describe('board words', () => {
  it('names states and statuses as a supervisor reads them', () => {
    expect(callStateWords('claimed')).toBe('Being answered');
    expect(callStateWords('active')).toBe('Talking');
    expect(agentStatusWords('busy')).toBe('On a call');
    expect(agentStatusWords('offline')).toBe('Offline');
  });

  it('says what a caller the media engine answered is doing instead of Ringing', () => {
    expect(callStatusWords(callView('c1'))).toBe('Ringing');
    expect(callStatusWords(callView('c1', { waiting: 'queued' }))).toBe('In queue');
    expect(callStatusWords(callView('c1', { waiting: 'voicemail' }))).toBe('Leaving voicemail');
    // once someone answers, the call's own state is what counts
    expect(callStatusWords(callView('c1', { state: 'active', waiting: 'queued' }))).toBe('Talking');
  });

  it('grades quality with the reason, and says when there is none yet', () => {
    const poor = {
      level: 'poor',
      reason: 'packet loss 9.0 %',
      rttMs: 90.4,
      jitterMs: 8.26,
      lossPct: 9,
      mos: 2.44,
    } as const;
    expect(qualityWords(poor)).toBe('Poor: packet loss 9.0 %');
    expect(qualityWords({ ...poor, level: 'good', reason: undefined })).toBe('Good');
    expect(qualityWords(undefined)).toBe('Not measured yet');
    expect(qualityFigures(poor)).toBe('MOS 2.4 · RTT 90 ms · jitter 8.3 ms · loss 9.0 %');
  });
});
