import { describe, expect, it } from 'vitest';
import type { EndedCall } from './state';
import { commands, effectTypes, fixtureEvent, run, WA_CALL, t } from './test-support';

const connect = fixtureEvent('whatsapp/connect-user-initiated.json');
const completed = fixtureEvent('whatsapp/terminate-completed.json');
const cmd = commands(WA_CALL);

const rang = [connect, cmd.rang(t(1), ['a1', 'a2'])];
const talking = [...rang, cmd.claim(t(2), 'a1'), cmd.answerSent(t(3), 'a1'), cmd.accepted(t(4))];

describe('a transfer', () => {
  it('hands the conversation to the colleague: same call, same start, a new agent', () => {
    const before = run(talking).call;
    const result = run([cmd.transfer(t(30), 'a1', 'b1')], before);
    expect(result.call).toEqual(before && { ...before, agentId: 'b1' });
    expect(result.transitions).toEqual([]);
    expect(result.effects).toEqual([
      { type: 'notify-transferred', callId: WA_CALL, fromAgentId: 'a1', toAgentId: 'b1' },
    ]);
  });

  it('the colleague is the one who hangs up afterwards, and the call log names them', () => {
    const handed = run([cmd.transfer(t(30), 'a1', 'b1')], run(talking).call).call;
    expect(effectTypes(run([cmd.hangup(t(40), 'a1')], handed).effects)).toEqual([
      'log-ignored:conflict',
    ]);
    const over = run([cmd.hangup(t(40), 'b1')], handed).call as EndedCall;
    expect(over).toMatchObject({ state: 'ended', outcome: 'completed', agentId: 'b1' });
    // the conversation is timed from the customer's first answer, not from the hand-over
    expect(over.durationSec).toBe(36);
  });

  it('is refused from anyone but the call’s agent, and to the same agent', () => {
    const active = run(talking).call;
    expect(effectTypes(run([cmd.transfer(t(30), 'a2', 'b1')], active).effects)).toEqual([
      'log-ignored:conflict',
    ]);
    expect(effectTypes(run([cmd.transfer(t(30), 'a1', 'a1')], active).effects)).toEqual([
      'log-ignored:conflict',
    ]);
  });

  it('means nothing before the conversation, after it, or for a call never seen', () => {
    const claimed = run([...rang, cmd.claim(t(2), 'a1')]).call;
    expect(effectTypes(run([cmd.transfer(t(3), 'a1', 'b1')], claimed).effects)).toEqual([
      'log-ignored:unknown-transition',
    ]);
    const over = run([...talking, completed]).call;
    expect(effectTypes(run([cmd.transfer(t(60), 'a1', 'b1')], over).effects)).toEqual([
      'log-ignored:already-ended',
    ]);
    expect(effectTypes(run([cmd.transfer(t(3), 'a1', 'b1')]).effects)).toEqual([
      'log-ignored:out-of-order',
    ]);
  });
});
