import { describe, expect, it } from 'vitest';
import type { CallTerminatedEvent } from './events';
import { commands, effectTypes, fixtureEvent, run, WA_CALL, t } from './test-support';

const connect = fixtureEvent('whatsapp/connect-user-initiated.json');
const notAnswered = fixtureEvent('whatsapp/terminate-not-answered.json') as CallTerminatedEvent;
const completed = fixtureEvent('whatsapp/terminate-completed.json') as CallTerminatedEvent;
const cmd = commands(WA_CALL);

// the agent answered just as the caller hung up: Meta refused the accept (code 100)
const refused = [
  connect,
  cmd.rang(t(1), ['a1']),
  cmd.claim(t(3), 'a1'),
  cmd.answerSent(t(4), 'a1'),
  cmd.graphFailed(t(5), 100),
];

describe('an accept refused because the caller had already gone', () => {
  it('is logged failed at first, and missed once Meta’s terminate shows nobody answered', () => {
    const before = run(refused);
    expect(before.call?.state === 'ended' && before.call.outcome).toBe('failed');
    const after = run([notAnswered], before.call);
    expect(after.call?.state === 'ended' && [after.call.outcome, after.call.agentId]).toEqual([
      'missed',
      'a1',
    ]);
    expect(effectTypes(after.effects)).toEqual(['notify-outcome-corrected']);
    expect(after.transitions).toEqual([]);
    // once corrected it stays so: the same terminate again, or another, changes nothing
    expect(effectTypes(run([notAnswered], after.call).effects)).toEqual(['log-ignored:duplicate']);
  });

  it('stays failed when the terminate shows a conversation or a failure', () => {
    const ended = run(refused).call;
    const failed: CallTerminatedEvent = { ...notAnswered, status: 'failed', idempotencyKey: 'k2' };
    for (const terminate of [completed, failed]) {
      const after = run([terminate], ended);
      expect(after.call).toBe(ended);
      expect(effectTypes(after.effects)).toEqual(['log-ignored:already-ended']);
    }
  });

  it('leaves other ended calls alone, and other events on an ended call', () => {
    const hungUp = run([
      connect,
      cmd.rang(t(1), ['a1']),
      cmd.claim(t(3), 'a1'),
      cmd.answerSent(t(4), 'a1'),
      cmd.accepted(t(5)),
      cmd.hangup(t(9), 'a1'),
    ]).call;
    expect(effectTypes(run([notAnswered], hungUp).effects)).toEqual(['log-ignored:already-ended']);
    const ended = run(refused).call;
    expect(effectTypes(run([cmd.hangup(t(9), 'a1')], ended).effects)).toEqual([
      'log-ignored:already-ended',
    ]);
  });
});
