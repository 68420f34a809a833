import { describe, expect, it } from 'vitest';
import { commands, effectTypes, fixtureEvent, run, WA_CALL, t } from './test-support';

const connect = fixtureEvent('whatsapp/connect-user-initiated.json');
const cmd = commands(WA_CALL);

const rungAndClaimed = [connect, cmd.rang(t(1), ['a1', 'a2']), cmd.claim(t(3), 'a1')];
const talking = [...rungAndClaimed, cmd.answerSent(t(4), 'a1'), cmd.accepted(t(5))];

describe('a live call past its server-side bound', () => {
  it('releases a claim whose answer never came: the others ring again, without the claimant', () => {
    const done = run([...rungAndClaimed, cmd.expired(t(100), 'claimed', t(3))]);
    expect(done.call?.state).toBe('ringing');
    expect(done.call?.state === 'ringing' && done.call.agentsDeclined).toEqual(['a1']);
    expect(effectTypes(done.effects)).toContain('notify-agents');
    expect(effectTypes(done.effects)).not.toContain('send-reject');
  });

  it('rejects a claim Meta never confirmed and logs it failed, naming the agent', () => {
    const done = run([
      ...rungAndClaimed,
      cmd.answerSent(t(4), 'a1'),
      cmd.expired(t(100), 'claimed', t(3)),
    ]);
    expect(done.call?.state).toBe('ended');
    expect(done.call?.state === 'ended' && [done.call.outcome, done.call.agentId]).toEqual([
      'failed',
      'a1',
    ]);
    expect(effectTypes(done.effects).slice(-3)).toEqual([
      'send-reject',
      'record-outcome',
      'notify-ended',
    ]);
  });

  it('terminates a conversation Meta never ended, counting its duration to now', () => {
    const done = run([...talking, cmd.expired(t(5 + 4 * 3600), 'active', t(5))]);
    expect(done.call?.state === 'ended' && [done.call.outcome, done.call.durationSec]).toEqual([
      'completed',
      4 * 3600,
    ]);
    expect(effectTypes(done.effects)).toContain('send-terminate');
  });

  it('leaves be a call that moved on since the sweep saw it', () => {
    // seen claimed, accepted before the command arrived
    const accepted = run([...talking, cmd.expired(t(100), 'claimed', t(3))]);
    expect(accepted.call?.state).toBe('active');
    expect(effectTypes(accepted.effects).at(-1)).toBe('log-ignored:out-of-order');
    // a claim released and taken again is a new claim, with its own bound
    const reclaimed = run([
      ...rungAndClaimed,
      cmd.decline(t(4), 'a1'),
      cmd.rang(t(5), ['a2']),
      cmd.claim(t(6), 'a2'),
      cmd.expired(t(100), 'claimed', t(3)),
    ]);
    expect(reclaimed.call?.state).toBe('claimed');
    // already over
    const over = run([...talking, cmd.hangup(t(9), 'a1'), cmd.expired(t(99), 'active', t(5))]);
    expect(over.call?.state === 'ended' && over.call.outcome).toBe('completed');
    expect(effectTypes(over.effects).at(-1)).toBe('log-ignored:already-ended');
  });
});
