import { describe, expect, it } from 'vitest';
import { describeEventDetail, describeEventType } from './timeline-words';

describe('describeEventType', () => {
  it('words dotted event types', () => {
    expect(describeEventType('webhook.connect')).toBe('Webhook: connect');
    expect(describeEventType('graph.pre_accept')).toBe('Graph: pre accept');
    expect(describeEventType('state.changed')).toBe('State: changed');
    expect(describeEventType('note')).toBe('Note');
  });
});

describe('describeEventDetail', () => {
  it('shows a state change as from → to, leaving ids out', () => {
    expect(describeEventDetail({ from: 'ringing', to: 'claimed', agentId: 'u1' })).toBe(
      'ringing → claimed',
    );
    expect(describeEventDetail({ from: 'none', to: 'ringing' })).toBe('→ ringing');
    expect(describeEventDetail({ agentIds: ['u1', 'u2'] })).toBe('');
  });

  it('shows other fields as key: value', () => {
    expect(describeEventDetail({ code: 138021, message: 'Media receive timeout' })).toBe(
      'code: 138021 · message: Media receive timeout',
    );
    expect(describeEventDetail(undefined)).toBe('');
  });
});
