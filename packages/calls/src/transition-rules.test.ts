import { describe, expect, it } from 'vitest';
import type { CallEvent } from './commands';
import type { Call } from './state';
import { commands, effectTypes, fixtureEvent, run, WA_CALL } from './test-support';
import { transition } from './transition';

const connect = fixtureEvent('whatsapp/connect-user-initiated.json');
const notAnswered = fixtureEvent('whatsapp/terminate-not-answered.json');
const failedNoMedia = fixtureEvent('whatsapp/terminate-failed-no-media.json');
const cmd = commands(WA_CALL);
const T = 1753115240000;

function ringingWith(agentIds: string[], strategy: 'all' | 'longest-idle' = 'all'): Call {
  const call = run([connect, cmd.rang(T, agentIds, strategy)]).call;
  if (call === undefined) throw new Error('no call');
  return call;
}

describe('duplicates', () => {
  it('a redelivered webhook is a logged no-op that leaves the call untouched', () => {
    const first = transition(undefined, connect);
    const again = transition(first.call, connect);
    expect(again.call).toBe(first.call);
    expect(again.transitions).toEqual([]);
    expect(effectTypes(again.effects)).toEqual(['log-ignored:duplicate']);
  });

  it('a second claim by the same agent does not notify again', () => {
    const result = run([cmd.claim(T, 'a1'), cmd.claim(T + 1, 'a1')], ringingWith(['a1']));
    expect(effectTypes(result.effects)).toEqual(['notify-claimed', 'log-ignored:duplicate']);
  });

  it('an answer sent twice asks Meta to accept only once', () => {
    const claimed = run([cmd.claim(T, 'a1')], ringingWith(['a1'])).call;
    const result = run([cmd.answerSent(T + 1, 'a1'), cmd.answerSent(T + 2, 'a1')], claimed);
    expect(effectTypes(result.effects)).toEqual([
      'send-pre-accept',
      'send-accept',
      'log-ignored:duplicate',
    ]);
  });
});

describe('terminate before connect', () => {
  it('leaves a tombstone, and the late connect is recorded as missed without ringing', () => {
    const result = run([notAnswered, connect]);
    expect(result.transitions).toEqual([
      { from: 'none', to: 'tombstone' },
      { from: 'tombstone', to: 'ended' },
    ]);
    expect(effectTypes(result.effects)).toEqual(['record-outcome', 'notify-ended']);
    expect(result.call).toMatchObject({
      state: 'ended',
      outcome: 'missed',
      caller: { id: '918097530000', name: 'Rahul' },
      endedAt: 1753115290000,
    });
  });

  it('keeps Meta’s error when the early terminate had failed', () => {
    const call = run([failedNoMedia, connect]).call;
    expect(call).toMatchObject({ state: 'ended', outcome: 'failed', metaError: { code: 138021 } });
  });

  it('a dial that arrives after the terminate ends at once, with no ringing', () => {
    const result = run([
      notAnswered,
      {
        kind: 'agent.dial',
        callId: WA_CALL,
        channel: 'whatsapp',
        endpointId: '115017831530658',
        agentId: 'a1',
        from: '919169950000',
        to: '918097530000',
        occurredAt: T,
      },
    ]);
    expect(result.call).toMatchObject({ state: 'ended', outcome: 'no-answer', agentId: 'a1' });
  });

  it('ignores agents acting on a tombstone', () => {
    const tomb = transition(undefined, notAnswered).call;
    const result = run([cmd.claim(T, 'a1'), cmd.rang(T, ['a1']), cmd.timeout(T)], tomb);
    expect(result.call).toBe(tomb);
    expect(result.effects.every((e) => e.type === 'log-ignored')).toBe(true);
  });
});

describe('agents racing and declining', () => {
  it('the first claim wins; the second agent loses and cannot hang up the call', () => {
    const result = run(
      [cmd.claim(T, 'a1'), cmd.claim(T + 1, 'a2'), cmd.hangup(T + 2, 'a2')],
      ringingWith(['a1', 'a2']),
    );
    expect(result.call).toMatchObject({ state: 'claimed', agentId: 'a1' });
    expect(effectTypes(result.effects)).toEqual([
      'notify-claimed',
      'log-ignored:conflict',
      'log-ignored:conflict',
    ]);
  });

  it('an agent who was not rung cannot claim', () => {
    const result = transition(ringingWith(['a1']), cmd.claim(T, 'intruder'));
    expect(result.call?.state).toBe('ringing');
    expect(effectTypes(result.effects)).toEqual(['log-ignored:conflict']);
  });

  it('a decline with others still ringing changes only who rings', () => {
    const result = transition(ringingWith(['a1', 'a2']), cmd.decline(T, 'a1'));
    expect(result.call).toMatchObject({
      state: 'ringing',
      agentsOffered: ['a2'],
      agentsDeclined: ['a1'],
    });
    expect(result.effects).toEqual([]);
  });

  it('ringing one agent at a time, a decline rings the next agent instead of rejecting', () => {
    const result = transition(ringingWith(['a1'], 'longest-idle'), cmd.decline(T, 'a1'));
    expect(result.call?.state).toBe('ringing');
    expect(result.effects).toEqual([{ type: 'notify-agents', callId: WA_CALL, exclude: ['a1'] }]);
    const reoffered = transition(result.call, cmd.rang(T + 1, ['a1', 'a3'], 'longest-idle'));
    expect(reoffered.call).toMatchObject({ agentsOffered: ['a3'], agentsDeclined: ['a1'] });
    // only the agent this offer added rings: the one who declined is not rung again
    expect(reoffered.effects).toEqual([
      { type: 'notify-offered', callId: WA_CALL, agentIds: ['a3'] },
    ]);
  });

  it('an offer rings only the agents it adds, and the same offer again rings nobody', () => {
    const more = transition(ringingWith(['a1']), cmd.rang(T, ['a1', 'a2', 'a2']));
    expect(more.effects).toEqual([{ type: 'notify-offered', callId: WA_CALL, agentIds: ['a2'] }]);
    const again = transition(more.call, cmd.rang(T + 1, ['a1', 'a2']));
    expect(effectTypes(again.effects)).toEqual(['log-ignored:duplicate']);
  });

  it('ringing one agent at a time, a second agent is not offered the call during a turn', () => {
    // two flows raced to offer the call (a turn ending, an agent becoming available)
    const result = transition(
      ringingWith(['a1'], 'longest-idle'),
      cmd.rang(T, ['a2'], 'longest-idle'),
    );
    expect(result.call).toMatchObject({ agentsOffered: ['a1'] });
    expect(effectTypes(result.effects)).toEqual(['log-ignored:conflict']);
    // ringing everyone at once, a later agent joins the ring
    const all = transition(ringingWith(['a1']), cmd.rang(T, ['a2']));
    expect(all.call).toMatchObject({ agentsOffered: ['a1', 'a2'] });
  });

  it('a claimant who backs out releases the call to ring the others, not to Meta', () => {
    const result = run([cmd.claim(T, 'a1'), cmd.decline(T + 1, 'a1')], ringingWith(['a1', 'a2']));
    expect(result.call).toMatchObject({
      state: 'ringing',
      agentsOffered: [],
      agentsDeclined: ['a1'],
    });
    expect(effectTypes(result.effects)).toEqual(['notify-claimed', 'notify-agents']);
    expect(result.effects.at(-1)).toMatchObject({ type: 'notify-agents', exclude: ['a1'] });
  });

  it('hanging up before the answer left (a tab closed mid-setup) gives the call back to the others', () => {
    const result = run([cmd.claim(T, 'a1'), cmd.hangup(T + 1, 'a1')], ringingWith(['a1', 'a2']));
    expect(result.call).toMatchObject({ state: 'ringing', agentsDeclined: ['a1'] });
    expect(effectTypes(result.effects)).not.toContain('send-reject');
  });

  it('hanging up after the answer went to Meta rejects the call as declined', () => {
    const answered = {
      kind: 'agent.answer-sent',
      callId: WA_CALL,
      agentId: 'a1',
      occurredAt: T + 1,
    } as const;
    const result = run(
      [cmd.claim(T, 'a1'), answered, cmd.hangup(T + 2, 'a1')],
      ringingWith(['a1']),
    );
    expect(result.call).toMatchObject({ state: 'ended', outcome: 'declined' });
    expect(effectTypes(result.effects)).toContain('send-reject');
  });

  it('a claimant cannot back out once their answer went to Meta', () => {
    const result = run(
      [
        cmd.claim(T, 'a1'),
        { kind: 'agent.answer-sent', callId: WA_CALL, agentId: 'a1', occurredAt: T + 1 },
        cmd.decline(T + 2, 'a1'),
      ],
      ringingWith(['a1']),
    );
    expect(result.call?.state).toBe('claimed');
    expect(effectTypes(result.effects).at(-1)).toBe('log-ignored:unknown-transition');
  });

  it('a stale ring timer does not cut off an agent who is connecting', () => {
    const result = run([cmd.claim(T, 'a1'), cmd.timeout(T + 30000)], ringingWith(['a1']));
    expect(result.call?.state).toBe('claimed');
    expect(effectTypes(result.effects).at(-1)).toBe('log-ignored:out-of-order');
  });
});

describe('events that do not fit the state', () => {
  it('ignores an event for another call id', () => {
    const ringing = ringingWith(['a1']);
    const result = transition(ringing, commands('wacid.other').claim(T, 'a1'));
    expect(result.call).toBe(ringing);
    expect(effectTypes(result.effects)).toEqual(['log-ignored:unknown-transition']);
  });

  it('ignores a webhook from the other channel for the same id', () => {
    const ringing = ringingWith(['a1']);
    const result = transition(ringing, { ...notAnswered, channel: 'messenger' });
    expect(result.call).toBe(ringing);
  });

  it('ignores a media offer on a WhatsApp call (no renegotiation there)', () => {
    const offer: CallEvent = {
      kind: 'call.media-offer',
      channel: 'whatsapp',
      callId: WA_CALL,
      endpointId: '115017831530658',
      occurredAt: T,
      idempotencyKey: 'k',
      version: 1,
      sdp: 'v=0',
    };
    const result = transition(ringingWith(['a1']), offer);
    expect(effectTypes(result.effects)).toEqual(['log-ignored:unknown-transition']);
  });

  it('ignores progress for an outbound call it has not been told about', () => {
    const result = transition(undefined, fixtureEvent('whatsapp/status-ringing.json'));
    expect(result.call).toBeUndefined();
    expect(effectTypes(result.effects)).toEqual(['log-ignored:out-of-order']);
  });

  it('an event kind it does not know is a logged no-op, not a throw', () => {
    const ringing = ringingWith(['a1']);
    const future = {
      kind: 'agent.conference',
      callId: WA_CALL,
      occurredAt: T,
    } as unknown as CallEvent;
    const result = transition(ringing, future);
    expect(result.call).toBe(ringing);
    expect(result.effects).toEqual([
      {
        type: 'log-ignored',
        callId: WA_CALL,
        event: 'agent.conference',
        state: 'ringing',
        reason: 'unknown-transition',
      },
    ]);
  });

  it('an ended call answers every further event with already-ended', () => {
    const over = run([cmd.timeout(T)], ringingWith(['a1'])).call;
    const result = run([cmd.claim(T + 1, 'a1'), notAnswered, cmd.hangup(T + 2, 'a1')], over);
    expect(result.call).toBe(over);
    expect(effectTypes(result.effects)).toEqual([
      'log-ignored:already-ended',
      'log-ignored:already-ended',
      'log-ignored:already-ended',
    ]);
  });
});
