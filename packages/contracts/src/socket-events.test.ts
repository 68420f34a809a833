import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ClientCommandName } from './socket-commands';
import {
  agentSetStatusCommandSchema,
  callAnswerCommandSchema,
  callDialCommandSchema,
  callQualityCommandSchema,
  CLIENT_COMMAND_SCHEMAS,
} from './socket-commands';
import type { AckResult, ClientToServerEvents, ServerToClientEvents } from './socket-events';
import {
  boardCountersPayloadSchema,
  boardSnapshotPayloadSchema,
  callEndedPayloadSchema,
  callPermissionPayloadSchema,
  callRingingPayloadSchema,
  socketDataSchema,
} from './socket-events';
import { agentViewSchema, callViewSchema } from './socket-views';

const now = '2025-07-21T16:27:13.000Z';

describe('client commands', () => {
  it('has a schema for every client→server event and no others', () => {
    expectTypeOf<ClientCommandName>().toEqualTypeOf<keyof ClientToServerEvents>();
    expect(Object.keys(CLIENT_COMMAND_SCHEMAS).sort()).toEqual([
      'agent:set-status',
      'call:accept',
      'call:answer',
      'call:decline',
      'call:dial',
      'call:hangup',
      'call:quality',
      'call:rejoin',
      'call:rejoin-answer',
      'call:transfer',
      'call:transfer-accept',
      'call:transfer-answer',
      'call:transfer-cancel',
      'call:transfer-complete',
      'call:transfer-decline',
      'call:transfer-targets',
      'call:whisper-answer',
      'supervisor:listen',
      'supervisor:listen-answer',
      'supervisor:stop-listening',
      'supervisor:whisper',
      'supervisor:whisper-answer',
    ]);
  });

  it('lets agents pick only available or away', () => {
    expect(agentSetStatusCommandSchema.parse({ status: 'away' })).toEqual({ status: 'away' });
    expect(agentSetStatusCommandSchema.safeParse({ status: 'busy' }).success).toBe(false);
    expect(agentSetStatusCommandSchema.safeParse({}).success).toBe(false);
  });

  it('drops unknown keys from commands instead of trusting them', () => {
    const parsed = CLIENT_COMMAND_SCHEMAS['call:accept'].parse({
      callId: 'c1',
      userId: 'someone-else',
    });
    expect(parsed).toEqual({ callId: 'c1' });
  });

  it('refuses an answer without SDP, with an empty one, or with an absurdly large one', () => {
    expect(callAnswerCommandSchema.safeParse({ callId: 'c1' }).error?.issues[0]?.path).toEqual([
      'sdp',
    ]);
    expect(callAnswerCommandSchema.safeParse({ callId: 'c1', sdp: '' }).success).toBe(false);
    expect(
      callAnswerCommandSchema.safeParse({ callId: 'c1', sdp: 'x'.repeat(70_000) }).success,
    ).toBe(false);
  });

  it('bounds quality figures to what the stats can produce', () => {
    const ok = { callId: 'c1', rttMs: 120, jitterMs: 8, lossPct: 0.4, mos: 4.3 };
    expect(callQualityCommandSchema.parse(ok)).toEqual(ok);
    expect(callQualityCommandSchema.safeParse({ ...ok, lossPct: 120 }).success).toBe(false);
    expect(callQualityCommandSchema.safeParse({ ...ok, mos: 0 }).success).toBe(false);
    expect(callQualityCommandSchema.safeParse({ ...ok, rttMs: -1 }).success).toBe(false);
    expect(
      callQualityCommandSchema.safeParse({ ...ok, jitterMs: Number.POSITIVE_INFINITY }).success,
    ).toBe(false);
  });

  it('trims the dialled destination and refuses a blank one', () => {
    expect(callDialCommandSchema.parse({ channelId: 'ch1', to: ' +918097530000 ' }).to).toBe(
      '+918097530000',
    );
    expect(callDialCommandSchema.safeParse({ channelId: 'ch1', to: '   ' }).success).toBe(false);
  });
});

describe('server payloads', () => {
  const ringing = {
    callId: 'call_1',
    channel: 'whatsapp',
    direction: 'inbound',
    caller: { name: 'Rahul', number: '+918097530000' },
    called: { channelId: 'ch_1', label: '+91 91299 50000' },
    earlierCalls: 2,
    ringingSince: now,
    sdpOffer: 'v=0\r\n',
    ringTimeoutMs: 30_000,
  };

  it('accepts a WhatsApp ringing call and a Messenger one identified by PSID', () => {
    expect(callRingingPayloadSchema.parse(ringing)).toEqual(ringing);
    const messenger = {
      ...ringing,
      channel: 'messenger',
      caller: { psid: '5275811702471834' },
      sdpOffer: undefined,
    };
    expect(callRingingPayloadSchema.safeParse(messenger).success).toBe(true);
  });

  it('refuses a caller with neither number nor PSID, and a number without its plus', () => {
    expect(
      callRingingPayloadSchema.safeParse({ ...ringing, caller: { name: 'Rahul' } }).success,
    ).toBe(false);
    const bare = callRingingPayloadSchema.safeParse({
      ...ringing,
      caller: { number: '918097530000' },
    });
    expect(bare.error?.issues[0]?.path).toEqual(['caller', 'number']);
  });

  it('refuses a ringingSince that is not ISO 8601', () => {
    expect(
      callRingingPayloadSchema.safeParse({ ...ringing, ringingSince: 1753115233 }).success,
    ).toBe(false);
    expect(
      callRingingPayloadSchema.safeParse({ ...ringing, ringingSince: 'yesterday' }).success,
    ).toBe(false);
  });

  it('keeps SDP and tokens out of a call view', () => {
    const view = callViewSchema.parse({
      id: 'call_1',
      channel: 'whatsapp',
      direction: 'inbound',
      state: 'active',
      caller: ringing.caller,
      called: ringing.called,
      sdp: 'v=0',
      accessToken: 'EAAG…',
    });
    expect(view).not.toHaveProperty('sdp');
    expect(view).not.toHaveProperty('accessToken');
  });

  it('reads an ended call with Meta’s error and refuses an unknown outcome', () => {
    const ended = {
      callId: 'call_1',
      outcome: 'failed',
      metaError: { code: 138021, meaning: 'No audio reached Meta' },
    };
    expect(callEndedPayloadSchema.parse(ended)).toEqual(ended);
    expect(callEndedPayloadSchema.safeParse({ callId: 'call_1', outcome: 'dropped' }).success).toBe(
      false,
    );
  });

  it('reads a board snapshot whose share is a fraction, refusing a percentage', () => {
    const board = {
      calls: [],
      agents: [{ userId: 'u1', name: 'Asha', status: 'available', since: now }],
      counters: {
        waiting: 0,
        answered: 0,
        missed: 0,
        averageAnswerMs: null,
        answeredWithin20sShare: null,
      },
    };
    expect(boardSnapshotPayloadSchema.parse(board)).toEqual(board);
    const pct = { ...board, counters: { ...board.counters, answeredWithin20sShare: 92 } };
    expect(boardSnapshotPayloadSchema.safeParse(pct).success).toBe(false);
  });

  it('reads average call length and answered-today when sent, and boards from before them', () => {
    const counters = {
      waiting: 1,
      answered: 3,
      missed: 1,
      averageAnswerMs: 6400,
      answeredWithin20sShare: 1,
      averageCallMs: 184_000,
    };
    const agent = { userId: 'u1', name: 'Asha', status: 'busy', since: now, answeredToday: 3 };
    const board = { calls: [], agents: [agent], counters };
    expect(boardSnapshotPayloadSchema.parse(board)).toEqual(board);
    expect(boardCountersPayloadSchema.parse(counters)).toEqual(counters);
    const { averageCallMs: _length, ...older } = counters;
    expect(boardCountersPayloadSchema.parse(older)).toEqual(older);
    expect(
      boardCountersPayloadSchema.parse({ ...counters, averageCallMs: null }).averageCallMs,
    ).toBe(null);
    expect(boardCountersPayloadSchema.safeParse({ ...counters, averageCallMs: -5 }).success).toBe(
      false,
    );
    expect(agentViewSchema.safeParse({ ...agent, answeredToday: 1.5 }).success).toBe(false);
    expect(agentViewSchema.safeParse({ ...agent, answeredToday: -1 }).success).toBe(false);
  });

  it('reads a customer’s permission reply: a granted WhatsApp one, a refused Messenger one', () => {
    const granted = {
      channelId: 'ch_1',
      channel: 'whatsapp',
      customer: { name: 'Rahul', number: '+918097530000' },
      granted: true,
      expiresAt: now,
      permanent: false,
    };
    expect(callPermissionPayloadSchema.parse(granted)).toEqual(granted);
    const refused = {
      channelId: 'ch_2',
      channel: 'messenger',
      customer: { psid: '5275811702471834' },
      granted: false,
    };
    expect(callPermissionPayloadSchema.parse(refused)).toEqual(refused);
    // whom it is about and whether they allowed it are required; the expiry is an instant
    expect(
      callPermissionPayloadSchema.safeParse({ ...granted, customer: { name: 'Rahul' } }).success,
    ).toBe(false);
    expect(callPermissionPayloadSchema.safeParse({ ...refused, granted: 'no' }).success).toBe(
      false,
    );
    expect(
      callPermissionPayloadSchema.safeParse({ ...granted, expiresAt: 1753720700 }).success,
    ).toBe(false);
  });

  it('types socket data roles', () => {
    expect(
      socketDataSchema.safeParse({ userId: 'u', workspaceId: 'w', role: 'owner', name: 'A' })
        .success,
    ).toBe(false);
  });
});

describe('acknowledgement types', () => {
  it('narrows on ok', () => {
    const results: AckResult<{ callId: string }>[] = [
      { ok: true, callId: 'c1' },
      { ok: false, error: { code: 'already_claimed', message: 'Asha took it' } },
    ];
    const seen = results.map((r) => (r.ok ? r.callId : r.error.code));
    expect(seen).toEqual(['c1', 'already_claimed']);
    expectTypeOf<Parameters<Parameters<ClientToServerEvents['call:answer']>[1]>[0]>().toEqualTypeOf<
      AckResult<{ sdpResponse?: string; sdpRenegotiation?: string }>
    >();
    expectTypeOf<Parameters<ServerToClientEvents['call:updated']>[0]>().toHaveProperty('state');
  });
});
