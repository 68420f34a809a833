import { describe, expect, it } from 'vitest';
import { describeEventType } from './timeline-words';

describe('describeEventType', () => {
  it('words dotted event types', () => {
    expect(describeEventType('webhook.connect')).toBe('Webhook: connect');
    expect(describeEventType('graph.pre_accept')).toBe('Graph: pre accept');
    expect(describeEventType('state.changed')).toBe('State: changed');
    expect(describeEventType('note')).toBe('Note');
  });
});
