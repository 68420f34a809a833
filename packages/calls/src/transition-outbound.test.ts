import { describe, expect, it } from 'vitest';
import type { AgentDialCommand, CallEvent } from './commands';
import { isCallEvent } from './events';
import type { Call, EndedCall } from './state';
import { commands, effectTypes, fixtureEvent, loadJson, normalizeJson, run } from './test-support';

const WA_OUT = 'wacid.HBgLMTIwNjU1NTAxMjMVAgARGCAxQjU2RjE1QjRFRjY0Q0UyQTk0MDgzNEJERDBFMTcyRQA=';
const WA_IN_FIXTURE_ID =
  'wacid.HBgMOTE4MDk3NTM0Njg0FQIAEhggMURENUU5MDg2asdfNjk3OEUzMDM5MzEyRTccGAw5MTkxNjk5NTk5NTkVAgAVAgA=';
const MSGR_CALL = 'c_M5YPhGE5jm0L_PMQdScLlYJlR7tU_f0rgXiTQ';

/** A WhatsApp terminate fixture rewritten for our outbound call id. */
function waOutboundTerminate(fixture: string): CallEvent {
  const text = JSON.stringify(loadJson(`whatsapp/${fixture}.json`))
    .replace(WA_IN_FIXTURE_ID, WA_OUT)
    .replace('USER_INITIATED', 'BUSINESS_INITIATED');
  const [event] = normalizeJson(JSON.parse(text)).events;
  if (event === undefined || !isCallEvent(event)) throw new Error('no call event');
  return event;
}

function ended(call: Call | undefined): EndedCall {
  if (call?.state !== 'ended') throw new Error(`expected an ended call, got ${call?.state}`);
  return call;
}

const waDial: AgentDialCommand = {
  kind: 'agent.dial',
  callId: WA_OUT,
  channel: 'whatsapp',
  endpointId: '115017831530658',
  agentId: 'a1',
  from: '919169950000',
  to: '918097530000',
  occurredAt: 1753115999000,
};

const wa = {
  ringing: fixtureEvent('whatsapp/status-ringing.json'),
  connect: fixtureEvent('whatsapp/connect-business-initiated.json'),
  accepted: fixtureEvent('whatsapp/status-accepted.json'),
  rejected: fixtureEvent('whatsapp/status-rejected.json'),
  completed: waOutboundTerminate('terminate-completed'),
  notAnswered: waOutboundTerminate('terminate-not-answered'),
};

describe('WhatsApp business-initiated calls', () => {
  it('RINGING, connect with Meta’s answer, ACCEPTED, then terminate: completed', () => {
    const result = run([waDial, wa.ringing, wa.connect, wa.accepted, wa.completed]);
    expect(result.transitions).toEqual([
      { from: 'none', to: 'dialing' },
      { from: 'dialing', to: 'outbound-ringing' },
      { from: 'outbound-ringing', to: 'active' },
      { from: 'active', to: 'ended' },
    ]);
    expect(effectTypes(result.effects)).toEqual([
      'notify-outbound-ringing',
      'apply-answer',
      'notify-answered',
      'record-outcome',
      'notify-ended',
    ]);
    const answer = result.effects.find((e) => e.type === 'apply-answer');
    expect(answer?.type === 'apply-answer' && answer.agentId).toBe('a1');
    expect(answer?.type === 'apply-answer' && answer.sdp).toContain('a=setup:passive');
    const call = ended(result.call);
    expect(call).toMatchObject({ outcome: 'completed', durationSec: 180, agentId: 'a1' });
    expect(call.called).toEqual({ id: '918097530000' });
  });

  it('still hands Meta’s answer to the agent when the connect comes after ACCEPTED', () => {
    const result = run([waDial, wa.accepted, wa.connect]);
    expect(result.call?.state).toBe('active');
    expect(effectTypes(result.effects)).toEqual(['notify-answered', 'apply-answer']);
  });

  it('REJECTED ends the call as rejected, and the terminate that follows changes nothing', () => {
    const result = run([waDial, wa.ringing, wa.rejected, wa.notAnswered]);
    expect(ended(result.call).outcome).toBe('rejected');
    expect(effectTypes(result.effects)).toEqual([
      'notify-outbound-ringing',
      'record-outcome',
      'notify-ended',
      'log-ignored:already-ended',
    ]);
  });

  it('never picked up and terminated: no-answer', () => {
    expect(ended(run([waDial, wa.ringing, wa.notAnswered]).call).outcome).toBe('no-answer');
  });

  it('a terminate showing start_time counts as picked up even without ACCEPTED', () => {
    const call = ended(run([waDial, wa.ringing, wa.completed]).call);
    expect(call.outcome).toBe('completed');
    expect(call.answeredAt).toBe(1753115240000);
  });

  it('the agent giving up before pickup terminates the call: no-answer', () => {
    const result = run([waDial, wa.ringing, commands(WA_OUT).hangup(1753116003000, 'a1')]);
    expect(ended(result.call).outcome).toBe('no-answer');
    expect(effectTypes(result.effects)).toEqual([
      'notify-outbound-ringing',
      'send-terminate',
      'record-outcome',
      'notify-ended',
    ]);
  });

  it('the no-pickup timer terminates the call: no-answer', () => {
    const result = run([waDial, wa.ringing, commands(WA_OUT).timeout(1753116060000)]);
    expect(ended(result.call).outcome).toBe('no-answer');
    expect(effectTypes(result.effects)).toContain('send-terminate');
  });

  it('ignores a RINGING that arrives after ACCEPTED', () => {
    const result = run([waDial, wa.accepted, wa.ringing]);
    expect(result.call?.state).toBe('active');
    expect(effectTypes(result.effects).at(-1)).toBe('log-ignored:out-of-order');
  });
});

describe('Messenger business-initiated calls', () => {
  const dial: AgentDialCommand = {
    kind: 'agent.dial',
    callId: MSGR_CALL,
    channel: 'messenger',
    endpointId: '106378625516323',
    agentId: 'a2',
    from: '106378625516323',
    to: '5275811702471834',
    occurredAt: 1671644823000,
  };
  const connect = fixtureEvent('messenger/connect-business-initiated.json');
  const ringing = fixtureEvent('messenger/call-status-ringing.json');
  const accepted = fixtureEvent('messenger/call-status-accepted.json');
  const mediaV1 = fixtureEvent('messenger/media-update-v1.json');
  const completed = fixtureEvent('messenger/terminate-completed.json');

  it('connect, ringing, accepted (with its media_update), then terminate: completed', () => {
    const result = run([dial, connect, ringing, mediaV1, accepted, completed]);
    expect(result.transitions.map((s) => s.to)).toEqual([
      'dialing',
      'outbound-ringing',
      'active',
      'ended',
    ]);
    expect(effectTypes(result.effects)).toEqual([
      'notify-outbound-ringing',
      'apply-media-offer',
      'notify-answered',
      'record-outcome',
      'notify-ended',
    ]);
    expect(ended(result.call)).toMatchObject({
      outcome: 'completed',
      agentId: 'a2',
      mediaVersion: 1,
    });
  });

  it('ringing but never accepted: no-answer even though Meta counts a duration', () => {
    expect(ended(run([dial, connect, ringing, completed]).call).outcome).toBe('no-answer');
  });
});
