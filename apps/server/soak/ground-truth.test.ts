import type { CallSummary } from '@ringside/contracts';
import type { RecordedRequest, SimCallSnapshot } from '@ringside/meta-sim';
import { describe, expect, it } from 'vitest';
import { compareWithTruth } from './ground-truth';

const T = 1_750_000_000_000;

function simCall(id: string, over: Partial<SimCallSnapshot> = {}): SimCallSnapshot {
  return {
    id,
    channel: 'whatsapp',
    direction: 'user_initiated',
    businessId: '115017831530658',
    userId: `91${id.length}`,
    userName: 'Soak',
    state: 'ended',
    createdAt: T,
    acceptedAt: T + 1_000,
    endedAt: T + 5_000,
    reason: 'user-hung-up',
    failure: null,
    history: ['ringing', 'pre-accepted', 'accepted', 'ended'],
    ...over,
  };
}

function row(metaCallId: string, over: Partial<CallSummary> = {}): CallSummary {
  return {
    id: `00000000-0000-4000-8000-${metaCallId.padStart(12, '0').slice(-12)}`,
    metaCallId,
    channel: 'whatsapp',
    direction: 'inbound',
    state: 'ended',
    outcome: 'completed',
    caller: { number: '+919800000001' },
    called: { label: 'Soak', channelId: 'c' },
    startedAt: new Date(T).toISOString(),
    ...over,
  } as CallSummary;
}

function graph(callId: string, action: string, status = 200): RecordedRequest {
  return {
    seq: 0,
    method: 'POST',
    path: '/v24.0/115017831530658/calls',
    version: 'v24.0',
    objectId: '115017831530658',
    edge: 'calls',
    query: {},
    body: { action, call_id: callId },
    action,
    callId,
    status,
    reply: {},
    errorCode: null,
    at: T,
    durationMs: 1,
  };
}

const accepted = (id: string) => [graph(id, 'pre_accept'), graph(id, 'accept')];

describe('the soak’s comparison of the call log with what Meta saw', () => {
  it('agrees when every call is logged once, ended, with its outcome and each action once', () => {
    const result = compareWithTruth(
      [simCall('wacid.A'), simCall('wacid.B', { acceptedAt: null, reason: 'business-rejected' })],
      new Map([['917', 'decline']]),
      [row('wacid.A'), row('wacid.B', { outcome: 'declined' })],
      [...accepted('wacid.A'), graph('wacid.B', 'reject'), graph('wacid.B', 'terminate', 400)],
    );
    expect(result.mismatches).toEqual([]);
    expect(result.actions).toEqual({ pre_accept: 1, accept: 1, reject: 1, terminate: 0 });
    expect(result.refused).toBe(1);
  });

  it('takes the agents’ word for a call they all declined as Meta’s ring ran out (reject refused)', () => {
    const call = simCall('wacid.Z', { acceptedAt: null, reason: 'not-answered' });
    const log = [row('wacid.Z', { outcome: 'declined' })];
    const refusedReject = [graph('wacid.Z', 'reject', 400)];
    const plans = new Map([[call.userId, 'decline' as const]]);
    expect(compareWithTruth([call], plans, log, refusedReject).mismatches).toEqual([]);
    expect(compareWithTruth([call], plans, log, []).mismatches).toHaveLength(1);
  });

  it('names a lost, a doubled, a stuck and a wrongly ended call, and a row Meta never had', () => {
    const result = compareWithTruth(
      [simCall('wacid.L'), simCall('wacid.D'), simCall('wacid.S'), simCall('wacid.W')],
      new Map(),
      [
        row('wacid.D'),
        row('wacid.D'),
        row('wacid.S', { state: 'active', outcome: undefined }),
        row('wacid.W', { outcome: 'missed' }),
        row('wacid.X'),
      ],
      [
        ...accepted('wacid.L'),
        ...accepted('wacid.D'),
        ...accepted('wacid.S'),
        ...accepted('wacid.W'),
      ],
    );
    expect(result.mismatches.map((m) => `${m.metaCallId} ${m.problem.split(';')[0]}`)).toEqual([
      'wacid.L lost',
      'wacid.D 2 rows',
      'wacid.S stuck active',
      'wacid.W outcome missed, expected completed',
      'wacid.X 1 row(s) for a call Meta never had',
    ]);
  });

  it('names a Graph action delivered twice, one never delivered and one Meta did not act on', () => {
    const result = compareWithTruth(
      [
        simCall('wacid.T', { reason: 'business-terminated' }),
        simCall('wacid.N', { reason: 'business-terminated' }),
        simCall('wacid.R', { acceptedAt: null, reason: 'user-hung-up' }),
      ],
      new Map(),
      [row('wacid.T'), row('wacid.N'), row('wacid.R', { outcome: 'missed' })],
      [
        ...accepted('wacid.T'),
        graph('wacid.T', 'terminate'),
        graph('wacid.T', 'terminate'),
        ...accepted('wacid.N'),
        graph('wacid.R', 'reject'),
      ],
    );
    expect(result.mismatches.map((m) => `${m.metaCallId} ${m.problem.split(';')[0]}`)).toEqual([
      'wacid.T terminate delivered 2 times',
      'wacid.N terminate never delivered',
      'wacid.R reject delivered though Meta did not end it so',
    ]);
  });
});
