import { transition, type Call, type CallEvent } from '@ringside/calls';
import { describe, expect, it } from 'vitest';
import { lostCallEvents } from './engine-loss';

const callId = 'wacid.anchored-1';
const offered: CallEvent = {
  kind: 'call.offered',
  channel: 'whatsapp',
  callId,
  endpointId: '115017831530600',
  idempotencyKey: 'connect-1',
  occurredAt: 1_000,
  caller: { id: '918097530000' },
  called: { id: '15550100100' },
  sdpOffer: 'v=0',
};
const rung: CallEvent = {
  kind: 'ring.offered',
  callId,
  agentIds: ['asha'],
  strategy: 'all',
  occurredAt: 1_100,
};
const claimed: CallEvent = { kind: 'agent.claim', callId, agentId: 'asha', occurredAt: 2_000 };
const answered: CallEvent = {
  kind: 'agent.answer-sent',
  callId,
  agentId: 'asha',
  occurredAt: 2_500,
};
const accepted: CallEvent = { kind: 'graph.accepted', callId, occurredAt: 3_000 };

function callAfter(events: CallEvent[]): Call {
  let call: Call | undefined;
  for (const event of events) call = transition(call, event).call;
  if (!call) throw new Error('no call');
  return call;
}

/** the engine dies at `at`: the call's state after its loss events, and what Meta is sent */
function lose(call: Call, at: number) {
  let current: Call | undefined = call;
  const sent: string[] = [];
  for (const event of lostCallEvents(call, at)) {
    const result = transition(current, event);
    current = result.call;
    for (const effect of result.effects) {
      if (effect.type === 'send-reject' || effect.type === 'send-terminate') sent.push(effect.type);
    }
  }
  return { call: current, sent };
}

describe('ending a call whose media engine died', () => {
  it('a ringing call is rejected and counts as missed', () => {
    const { call, sent } = lose(callAfter([offered, rung]), 5_000);
    expect(call).toMatchObject({ state: 'ended', outcome: 'missed' });
    expect(sent).toEqual(['send-reject']);
  });

  it('a claim whose answer had not come is released, then rejected as missed', () => {
    const { call, sent } = lose(callAfter([offered, rung, claimed]), 5_000);
    expect(call).toMatchObject({ state: 'ended', outcome: 'missed' });
    expect(sent).toEqual(['send-reject']);
  });

  it('a claim Meta had the answer for is rejected and ends failed', () => {
    const { call, sent } = lose(callAfter([offered, rung, claimed, answered]), 5_000);
    expect(call).toMatchObject({ state: 'ended', outcome: 'failed' });
    expect(sent).toEqual(['send-reject']);
  });

  it('a conversation is terminated and ends completed, timed to the loss', () => {
    const { call, sent } = lose(callAfter([offered, rung, claimed, answered, accepted]), 63_000);
    expect(call).toMatchObject({ state: 'ended', outcome: 'completed', durationSec: 60 });
    expect(sent).toEqual(['send-terminate']);
  });

  it('an ended call needs nothing', () => {
    const ended = lose(callAfter([offered, rung]), 5_000).call;
    if (!ended) throw new Error('no call');
    expect(lostCallEvents(ended, 6_000)).toEqual([]);
  });
});
