import { describe, expect, it } from 'vitest';
import type { CallEvent } from './commands';
import type { Call, EndedCall } from './state';
import {
  commands,
  effectTypes,
  fixtureEvent,
  loadJson,
  normalizeJson,
  run,
  WA_CALL,
  t,
} from './test-support';

const MSGR_CALL = 'c_M5YPhGE5jm0L_PMQdScLlYJlR7tU_f0rgXiTQ';

const wa = {
  connect: fixtureEvent('whatsapp/connect-user-initiated.json'),
  completed: fixtureEvent('whatsapp/terminate-completed.json'),
  notAnswered: fixtureEvent('whatsapp/terminate-not-answered.json'),
  failedNoMedia: fixtureEvent('whatsapp/terminate-failed-no-media.json'),
};
const waCmd = commands(WA_CALL);
// connect arrives at 1753115233 s; the terminate fixtures say the talk started at 1753115240 s

function ended(call: Call | undefined): EndedCall {
  if (call?.state !== 'ended') throw new Error(`expected an ended call, got ${call?.state}`);
  return call;
}

interface Flow {
  readonly name: string;
  readonly events: readonly CallEvent[];
  readonly outcome: EndedCall['outcome'];
  readonly effects: readonly string[];
  readonly check?: (call: EndedCall) => void;
}

const waFlows: Flow[] = [
  {
    name: 'answered, then the caller hangs up',
    events: [
      wa.connect,
      waCmd.rang(t(1), ['a1', 'a2']),
      waCmd.claim(t(3), 'a1'),
      waCmd.answerSent(t(5), 'a1'),
      waCmd.accepted(t(7)),
      wa.completed,
    ],
    outcome: 'completed',
    effects: [
      'notify-agents',
      'notify-offered',
      'notify-claimed',
      'send-pre-accept',
      'send-accept',
      'notify-answered',
      'record-outcome',
      'notify-ended',
    ],
    check: (call) => {
      expect(call.durationSec).toBe(180);
      expect(call.agentId).toBe('a1');
      expect(call.answeredAt).toBe(t(7));
      expect(call.caller).toEqual({ id: '918097530000', name: 'Rahul' });
    },
  },
  {
    name: 'missed: the caller gives up while it rings',
    events: [wa.connect, waCmd.rang(t(1), ['a1', 'a2']), wa.notAnswered],
    outcome: 'missed',
    effects: ['notify-agents', 'notify-offered', 'record-outcome', 'notify-ended'],
    check: (call) => {
      expect(call.agentId).toBeUndefined();
      expect(call.durationSec).toBeUndefined();
    },
  },
  {
    name: 'declined by every agent rung, then Meta confirms the end',
    events: [
      wa.connect,
      waCmd.rang(t(1), ['a1', 'a2']),
      waCmd.decline(t(2), 'a1'),
      waCmd.decline(t(4), 'a2'),
      wa.notAnswered,
    ],
    outcome: 'declined',
    effects: [
      'notify-agents',
      'notify-offered',
      'send-reject',
      'record-outcome',
      'notify-ended',
      'log-ignored:already-ended',
    ],
    check: (call) => expect(call.endedAt).toBe(t(4)),
  },
  {
    name: 'ring timeout: nobody picks up in time',
    events: [wa.connect, waCmd.rang(t(1), ['a1']), waCmd.timeout(t(30))],
    outcome: 'missed',
    effects: ['notify-agents', 'notify-offered', 'send-reject', 'record-outcome', 'notify-ended'],
    check: (call) => expect(call.endedAt).toBe(t(30)),
  },
  {
    name: 'failed 138021: accepted but Meta receives no media',
    events: [
      wa.connect,
      waCmd.rang(t(1), ['a1']),
      waCmd.claim(t(2), 'a1'),
      waCmd.answerSent(t(4), 'a1'),
      waCmd.accepted(t(5)),
      wa.failedNoMedia,
    ],
    outcome: 'failed',
    effects: [
      'notify-agents',
      'notify-offered',
      'notify-claimed',
      'send-pre-accept',
      'send-accept',
      'notify-answered',
      'record-outcome',
      'notify-ended',
    ],
    check: (call) => {
      expect(call.metaError).toEqual({
        code: 138021,
        message: 'Media receive timeout',
        details: 'No media received from the business within 20 seconds',
      });
      expect(call.agentId).toBe('a1');
    },
  },
  {
    name: 'the agent hangs up a live call',
    events: [
      wa.connect,
      waCmd.rang(t(1), ['a1']),
      waCmd.claim(t(2), 'a1'),
      waCmd.answerSent(t(3), 'a1'),
      waCmd.accepted(t(4)),
      waCmd.hangup(t(65), 'a1'),
    ],
    outcome: 'completed',
    effects: [
      'notify-agents',
      'notify-offered',
      'notify-claimed',
      'send-pre-accept',
      'send-accept',
      'notify-answered',
      'send-terminate',
      'record-outcome',
      'notify-ended',
    ],
    check: (call) => expect(call.durationSec).toBe(61),
  },
  {
    name: 'accept fails at the Graph API',
    events: [
      wa.connect,
      waCmd.rang(t(1), ['a1']),
      waCmd.claim(t(2), 'a1'),
      waCmd.answerSent(t(3), 'a1'),
      waCmd.graphFailed(t(4), 138007),
    ],
    outcome: 'failed',
    effects: [
      'notify-agents',
      'notify-offered',
      'notify-claimed',
      'send-pre-accept',
      'send-accept',
      'send-reject',
      'record-outcome',
      'notify-ended',
    ],
    check: (call) => expect(call.metaError?.code).toBe(138007),
  },
];

describe('WhatsApp inbound flows', () => {
  it.each(waFlows)('$name', ({ events, outcome, effects, check }) => {
    const result = run(events);
    const call = ended(result.call);
    expect(call.outcome).toBe(outcome);
    expect(effectTypes(result.effects)).toEqual(effects);
    check?.(call);
  });

  it('logs each state change once, from the previous state to the next', () => {
    const result = run(waFlows[0]?.events ?? []);
    expect(result.transitions).toEqual([
      { from: 'none', to: 'ringing' },
      { from: 'ringing', to: 'claimed' },
      { from: 'claimed', to: 'active' },
      { from: 'active', to: 'ended' },
    ]);
  });

  it('sends pre_accept and accept for the claiming agent on the right number', () => {
    const { effects } = run([
      wa.connect,
      waCmd.rang(t(1), ['a1']),
      waCmd.claim(t(2), 'a1'),
      waCmd.answerSent(t(3), 'a1'),
    ]);
    const sends = effects.filter((e) => e.type === 'send-pre-accept' || e.type === 'send-accept');
    expect(sends).toEqual([
      {
        type: 'send-pre-accept',
        callId: WA_CALL,
        channel: 'whatsapp',
        endpointId: '115017831530658',
        agentId: 'a1',
      },
      {
        type: 'send-accept',
        callId: WA_CALL,
        channel: 'whatsapp',
        endpointId: '115017831530658',
        agentId: 'a1',
      },
    ]);
  });

  it('keeps the offer SDP for the claiming agent, and drops it once the call is live', () => {
    const claimed = run([wa.connect, waCmd.rang(t(1), ['a1']), waCmd.claim(t(2), 'a1')]).call;
    expect(claimed?.state === 'claimed' && claimed.sdpOffer).toMatch(/^v=0\r\n/);
    const active = run([waCmd.answerSent(t(3), 'a1'), waCmd.accepted(t(4))], claimed).call;
    expect(active?.state).toBe('active');
    expect(active && 'sdpOffer' in active).toBe(false);
  });
});

describe('Messenger inbound flow', () => {
  const msgrCmd = commands(MSGR_CALL);
  const at = (seconds: number) => 1671644824000 + seconds * 1000;
  const connect = fixtureEvent('messenger/connect-user-initiated.json');
  const v1 = fixtureEvent('messenger/media-update-v1.json');
  const v2 = fixtureEvent('messenger/media-update-v2.json');
  const completed = fixtureEvent('messenger/terminate-completed.json');
  // the same version 1 offer sent again later: a different Meta event, but an older version
  const lateV1Json = loadJson('messenger/media-update-v1.json');
  const lateV1 = normalizeJson(
    JSON.parse(
      JSON.stringify(lateV1Json).replace('"timestamp":1671644831', '"timestamp":1671644850'),
    ),
  ).events[0] as CallEvent;

  const answered = [
    connect,
    msgrCmd.rang(at(1), ['a1']),
    msgrCmd.claim(at(2), 'a1'),
    msgrCmd.answerSent(at(3), 'a1'),
    msgrCmd.accepted(at(4)),
  ];

  it('accepts without pre_accept: Messenger has none', () => {
    const { effects } = run(answered);
    expect(effectTypes(effects)).toEqual([
      'notify-agents',
      'notify-offered',
      'notify-claimed',
      'send-accept',
      'notify-answered',
    ]);
  });

  it('applies media_update v1 then v2, and ignores the older v1 afterwards', () => {
    const result = run([...answered, v1, v2, lateV1, v1, completed]);
    const offers = result.effects.filter((e) => e.type === 'apply-media-offer');
    expect(offers.map((e) => e.version)).toEqual([1, 2]);
    expect(offers[1]?.sdp).toContain('a=recvonly');
    const ignoredReasons = result.effects.flatMap((e) =>
      e.type === 'log-ignored' ? [e.reason] : [],
    );
    expect(ignoredReasons).toEqual(['stale-version', 'duplicate']);
    const call = ended(result.call);
    expect(call.mediaVersion).toBe(2);
    expect(call.outcome).toBe('completed');
    expect(call.durationSec).toBe(120);
  });

  it('leaves the media version alone when the stale offer comes first', () => {
    const result = run([...answered, v2, v1]);
    expect(result.call?.state === 'active' && result.call.mediaVersion).toBe(2);
    expect(effectTypes(result.effects).at(-1)).toBe('log-ignored:stale-version');
  });

  it('marks the call missed when the caller hangs up before anyone answers', () => {
    const call = ended(run([connect, msgrCmd.rang(at(1), ['a1']), completed]).call);
    expect(call.outcome).toBe('missed');
  });
});
