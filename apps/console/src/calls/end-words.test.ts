import { describe, expect, it } from 'vitest';
import { ringingCard } from '../state/testing';
import { callEndMessage, ringEndNotice, ringNoticeText } from './end-words';

describe('ringEndNotice', () => {
  const card = ringingCard('c1', { ringingSince: 0, ringTimeoutMs: 45_000 });

  it('tells a caller hanging up from the ring running out', () => {
    expect(ringEndNotice({ callId: 'c1', outcome: 'missed' }, card, 10_000)).toEqual({
      kind: 'caller-hung-up',
    });
    expect(ringEndNotice({ callId: 'c1', outcome: 'missed' }, card, 44_000)).toEqual({
      kind: 'timed-out',
    });
  });

  it('gives Meta’s meaning for a failure', () => {
    expect(
      ringEndNotice(
        {
          callId: 'c1',
          outcome: 'failed',
          metaError: { code: 138021, meaning: 'Media receive timeout' },
        },
        card,
        1,
      ),
    ).toEqual({ kind: 'ended', text: 'Media receive timeout' });
  });

  it('gives the server’s reason when it sent one', () => {
    const reason =
      'The media server carrying this call stopped, so the call was ended. New calls use another one.';
    expect(ringEndNotice({ callId: 'c1', outcome: 'missed', reason }, card, 1)).toEqual({
      kind: 'ended',
      text: reason,
    });
  });
});

describe('ringNoticeText', () => {
  it('names who answered', () => {
    expect(ringNoticeText({ kind: 'answered-elsewhere', by: 'Bo Agent' })).toBe(
      'Answered by Bo Agent',
    );
    expect(ringNoticeText({ kind: 'caller-hung-up' })).toBe('Caller hung up');
  });
});

describe('callEndMessage', () => {
  it('words how the agent’s call ended', () => {
    expect(callEndMessage({ callId: 'c1', outcome: 'completed' }, false)).toBe(
      'The caller hung up.',
    );
    expect(callEndMessage({ callId: 'c1', outcome: 'completed' }, true)).toBe('You hung up.');
    expect(
      callEndMessage(
        {
          callId: 'c1',
          outcome: 'failed',
          metaError: { code: 138021, meaning: 'Media receive timeout' },
        },
        true,
      ),
    ).toBe('The call ended with an error from Meta: Media receive timeout');
    const reason =
      'The media server carrying this call stopped, so the call was ended. New calls use another one.';
    expect(callEndMessage({ callId: 'c1', outcome: 'completed', reason }, false)).toBe(reason);
  });
});

describe('callEndMessage, outbound', () => {
  it('speaks of the customer, who was called', () => {
    const end = (outcome: 'completed' | 'rejected' | 'no-answer' | 'failed') =>
      callEndMessage({ callId: 'c1', outcome }, false, 'outbound');
    expect(end('completed')).toBe('The customer hung up.');
    expect(end('rejected')).toBe('The customer declined the call.');
    expect(end('no-answer')).toBe('The customer did not answer.');
    expect(end('failed')).toBe('The call could not be connected.');
    expect(callEndMessage({ callId: 'c1', outcome: 'completed' }, true, 'outbound')).toBe(
      'You hung up.',
    );
  });
});
