import { transition, type EndedCall, type TombstoneCall } from '@ringside/calls';
import { describe, expect, it } from 'vitest';
import { callModelColumns } from './call-columns';
import { ringingCall } from '../testing/test-seed';

const T0 = Date.parse('2025-07-01T10:00:00Z');

describe('callModelColumns', () => {
  it('files an inbound call under the customer who called', () => {
    const columns = callModelColumns(ringingCall({ offeredAt: T0 }));
    expect(columns).toMatchObject({
      state: 'ringing',
      direction: 'inbound',
      channelKind: 'whatsapp',
      callerId: '918097530000',
      callerName: 'Rahul',
      agentId: null,
      outcome: null,
      offeredAt: new Date(T0),
      endedAt: null,
    });
  });

  it("files a call from a tagged link under that tag and the call button's payload", () => {
    const ringing = {
      ...ringingCall({ offeredAt: T0 }),
      deeplinkPayload: 'spring',
      ctaPayload: 'cta-9',
    };
    expect(callModelColumns(ringing)).toMatchObject({
      deeplinkPayload: 'spring',
      ctaPayload: 'cta-9',
    });
    expect(callModelColumns(ringingCall({ offeredAt: T0 }))).toMatchObject({
      deeplinkPayload: null,
      ctaPayload: null,
    });
  });

  it('files an outbound call under the customer who was called, from when it was dialed', () => {
    const dialed = transition(undefined, {
      kind: 'agent.dial',
      callId: 'wacid.out',
      channel: 'whatsapp',
      endpointId: '115017831530658',
      agentId: 'a1',
      from: '919129950000',
      to: '447700900123',
      occurredAt: T0,
    }).call;
    expect(callModelColumns(dialed!)).toMatchObject({
      state: 'dialing',
      direction: 'outbound',
      callerId: '447700900123',
      callerName: null,
      agentId: 'a1',
      offeredAt: new Date(T0),
    });
  });

  it('follows a claim to the agent who took it', () => {
    const ringing = ringingCall({ agentsOffered: ['a1', 'a2'], offeredAt: T0 });
    const { call } = transition(ringing, {
      kind: 'agent.claim',
      callId: ringing.id,
      agentId: 'a2',
      occurredAt: T0 + 3_000,
    });
    expect(callModelColumns(call!)).toMatchObject({
      state: 'claimed',
      agentId: 'a2',
      offeredAt: new Date(T0),
    });
  });

  it('records the outcome, times and Meta error of an ended call', () => {
    const base = ringingCall();
    const ended: EndedCall = {
      state: 'ended',
      id: base.id,
      channel: 'whatsapp',
      direction: 'inbound',
      endpointId: base.endpointId,
      caller: base.caller,
      called: base.called,
      mediaVersion: 0,
      appliedKeys: [],
      outcome: 'failed',
      agentId: 'a1',
      answeredAt: T0 + 5_000,
      endedAt: T0 + 25_000,
      durationSec: 20,
      metaError: { code: 138021, message: 'Media receive timeout' },
    };
    expect(callModelColumns(ended)).toMatchObject({
      state: 'ended',
      outcome: 'failed',
      agentId: 'a1',
      answeredAt: new Date(T0 + 5_000),
      endedAt: new Date(T0 + 25_000),
      durationSec: 20,
      metaErrorCode: 138021,
      metaErrorMessage: 'Media receive timeout',
      // the model forgot when it rang: the earliest time it knows
      offeredAt: new Date(T0 + 5_000),
    });
  });

  it('keeps a WhatsApp customer’s BSUID and @username beside the number, or as the id alone', () => {
    const both = ringingCall({
      caller: {
        id: '918097530000',
        name: 'Priya',
        userId: 'IN.13491208655302741918',
        username: '@priya.k',
      },
    });
    expect(callModelColumns(both)).toMatchObject({
      callerId: '918097530000',
      callerUserId: 'IN.13491208655302741918',
      callerUsername: '@priya.k',
    });
    const bsuidOnly = ringingCall({
      caller: { id: 'IN.13491208655302741918', userId: 'IN.13491208655302741918' },
    });
    expect(callModelColumns(bsuidOnly)).toMatchObject({
      callerId: 'IN.13491208655302741918',
      callerUserId: 'IN.13491208655302741918',
      callerUsername: null,
    });
  });

  it('keeps a tombstone out of the log columns it cannot know', () => {
    const tombstone: TombstoneCall = {
      state: 'tombstone',
      id: 'wacid.t',
      channel: 'messenger',
      endpointId: '1234567890',
      terminatedAt: T0,
      status: 'failed',
      pickedUp: false,
      appliedKeys: [],
      metaError: { code: 138019 },
    };
    expect(callModelColumns(tombstone)).toEqual({
      metaCallId: 'wacid.t',
      channelKind: 'messenger',
      state: 'tombstone',
      direction: null,
      callerId: null,
      callerName: null,
      callerUserId: null,
      callerUsername: null,
      agentId: null,
      outcome: null,
      offeredAt: new Date(T0),
      answeredAt: null,
      endedAt: new Date(T0),
      durationSec: null,
      metaErrorCode: 138019,
      metaErrorMessage: null,
      deeplinkPayload: null,
      ctaPayload: null,
    });
  });
});
