import { transition, type Call, type CallEvent } from '@ringside/calls';
import { outgoingEventSchema } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import type { ChannelRecord } from '../repos/channel-rows';
import { channelRecord } from '../testing/channel-record';
import { callModelColumns } from '../repos/call-columns';
import type { CallRow } from '../repos/calls';
import {
  buildCallEvent,
  buildPermissionEvent,
  callEventNames,
  type CallChange,
} from './call-events';

const T0 = Date.parse('2025-07-21T16:27:13.000Z');
const CALL_ROW_ID = '3f2a9c1e-8d4b-4f6a-9e21-5b7c0d1e2f30';
const AGENT = '9b1d2c3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e';

const whatsapp = channelRecord({
  displayNumber: '+919129950000',
  name: 'Acme support line',
  createdAt: new Date(T0),
  updatedAt: new Date(T0),
});
const messenger: ChannelRecord = {
  ...whatsapp,
  kind: 'messenger',
  externalId: '106378625516309',
  wabaId: null,
  displayNumber: null,
  name: 'Acme Page',
};

const offered = (channel: ChannelRecord): CallEvent => ({
  kind: 'call.offered',
  channel: channel.kind,
  callId: 'wacid.ABC',
  endpointId: channel.externalId,
  idempotencyKey: 'k-offer',
  occurredAt: T0,
  caller: { id: channel.kind === 'whatsapp' ? '918097530000' : '7413065985373', name: 'Rahul' },
  called: { id: channel.externalId },
  ...(channel.kind === 'whatsapp' ? { sdpOffer: 'v=0' } : {}),
});
const at = (s: number) => T0 + s * 1000;
const ringOffered: CallEvent = {
  kind: 'ring.offered',
  callId: 'wacid.ABC',
  agentIds: [AGENT],
  strategy: 'all',
  occurredAt: at(1),
};
const claim: CallEvent = {
  kind: 'agent.claim',
  callId: 'wacid.ABC',
  agentId: AGENT,
  occurredAt: at(4),
};
const answerSent: CallEvent = {
  kind: 'agent.answer-sent',
  callId: 'wacid.ABC',
  agentId: AGENT,
  occurredAt: at(5),
};
const accepted: CallEvent = { kind: 'graph.accepted', callId: 'wacid.ABC', occurredAt: at(6) };
const hangup: CallEvent = {
  kind: 'agent.hangup',
  callId: 'wacid.ABC',
  agentId: AGENT,
  occurredAt: at(186),
};
const timeout: CallEvent = { kind: 'ring.timeout', callId: 'wacid.ABC', occurredAt: at(45) };
const callerGone = (channel: ChannelRecord): CallEvent => ({
  kind: 'call.terminated',
  channel: channel.kind,
  callId: 'wacid.ABC',
  endpointId: channel.externalId,
  idempotencyKey: 'k-term',
  occurredAt: at(20),
  status: 'completed',
  errors: [],
});

/** every change a run of events makes, as the call engine would store it */
function changes(channel: ChannelRecord, events: readonly CallEvent[]): CallChange[] {
  const out: CallChange[] = [];
  let model: Call | undefined;
  let offeredAt: Date | undefined;
  for (const event of events) {
    const result = transition(model, event);
    if (result.call === undefined || result.call === model) continue;
    const columns = callModelColumns(result.call);
    offeredAt = offeredAt && offeredAt < columns.offeredAt ? offeredAt : columns.offeredAt;
    const row: CallRow = {
      ...columns,
      offeredAt,
      id: CALL_ROW_ID,
      workspaceId: channel.workspaceId,
      channelId: channel.id,
      calledLabel: channel.displayNumber ?? channel.name,
      model: result.call,
      quality: null,
      notes: null,
      disposition: null,
      wrapUpEndedAt: null,
      deeplinkPayload: null,
      ctaPayload: null,
      anchorEngine: null,
      mediaCapture: null,
      createdAt: new Date(T0),
      updatedAt: new Date(event.occurredAt),
    };
    out.push({ channel, event, before: model, row });
    model = result.call;
  }
  return out;
}

const namesOf = (list: CallChange[]) => list.flatMap(callEventNames);

describe('callEventNames', () => {
  it('fires ringing, answered and ended once each for an answered call', () => {
    const run = changes(whatsapp, [
      offered(whatsapp),
      ringOffered,
      claim,
      answerSent,
      accepted,
      hangup,
    ]);
    expect(namesOf(run)).toEqual(['call.ringing', 'call.answered', 'call.ended']);
  });

  it('fires missed before ended for an inbound call nobody answered', () => {
    const run = changes(whatsapp, [offered(whatsapp), ringOffered, timeout]);
    expect(namesOf(run)).toEqual(['call.ringing', 'call.missed', 'call.ended']);
  });

  it('fires nothing for changes that are neither a start, an answer nor an end', () => {
    const run = changes(whatsapp, [offered(whatsapp), ringOffered, claim]);
    expect(run.slice(1).flatMap(callEventNames)).toEqual([]);
  });
});

describe('buildCallEvent', () => {
  const answered = changes(whatsapp, [
    offered(whatsapp),
    ringOffered,
    claim,
    answerSent,
    accepted,
    hangup,
  ]);
  const all = answered.flatMap((change) =>
    callEventNames(change).map((name) => buildCallEvent(name, change, 'Asha')),
  );

  it('builds events the published contract accepts, with E.164 numbers and ISO times', () => {
    for (const event of all)
      expect(outgoingEventSchema.safeParse(event).success, event.event).toBe(true);
    expect(all[0]).toMatchObject({
      event: 'call.ringing',
      createdAt: '2025-07-21T16:27:13.000Z',
      data: {
        callId: CALL_ROW_ID,
        channel: 'whatsapp',
        direction: 'inbound',
        customer: { name: 'Rahul', number: '+918097530000' },
        business: { channelId: whatsapp.id, label: 'Acme support line', number: '+919129950000' },
        ringingSince: '2025-07-21T16:27:13.000Z',
      },
    });
  });

  it('names the agent and the times of an answered call and its end', () => {
    expect(all[1]).toMatchObject({
      event: 'call.answered',
      data: { answeredAt: new Date(at(6)).toISOString(), agent: { userId: AGENT, name: 'Asha' } },
    });
    expect(all[2]).toMatchObject({
      event: 'call.ended',
      data: {
        outcome: 'completed',
        startedAt: '2025-07-21T16:27:13.000Z',
        answeredAt: new Date(at(6)).toISOString(),
        endedAt: new Date(at(186)).toISOString(),
        durationSec: 180,
        agent: { userId: AGENT, name: 'Asha' },
      },
    });
  });

  it('gives each event of a call its own id, and the same id when built again', () => {
    const ids = all.map((e) => e.id);
    expect(new Set(ids).size).toBe(3);
    const again = answered.flatMap((change) =>
      callEventNames(change).map((name) => buildCallEvent(name, change, 'Asha').id),
    );
    expect(again).toEqual(ids);
  });

  it('says why a call was missed', () => {
    const reasonOf = (channel: ChannelRecord, events: CallEvent[]) => {
      const last = changes(channel, events).at(-1);
      if (!last) throw new Error('no change');
      const event = buildCallEvent('call.missed', last, undefined);
      return event.event === 'call.missed' ? event.data.reason : undefined;
    };
    expect(reasonOf(whatsapp, [offered(whatsapp), ringOffered, timeout])).toBe('no-agent-answered');
    expect(reasonOf(whatsapp, [offered(whatsapp), timeout])).toBe('no-agent-available');
    expect(reasonOf(whatsapp, [offered(whatsapp), ringOffered, callerGone(whatsapp)])).toBe(
      'caller-hung-up',
    );
  });

  it('names a Messenger customer by PSID and the business by Page id', () => {
    const [ringing] = changes(messenger, [offered(messenger)]);
    if (!ringing) throw new Error('no change');
    const event = buildCallEvent('call.ringing', ringing, undefined);
    expect(outgoingEventSchema.safeParse(event).success).toBe(true);
    expect(event.data).toMatchObject({
      channel: 'messenger',
      customer: { name: 'Rahul', psid: '7413065985373' },
      business: { pageId: '106378625516309', label: 'Acme Page' },
    });
    expect(event.data.business).not.toHaveProperty('number');
  });
});

describe('buildPermissionEvent', () => {
  const reply = {
    kind: 'permission.updated' as const,
    channel: 'whatsapp' as const,
    endpointId: whatsapp.externalId,
    idempotencyKey: 'k-permission-1',
    occurredAt: T0,
    user: '918097530000',
    response: 'granted' as const,
    permanent: false,
    expiresAt: at(7 * 86_400),
  };

  it('reports the customer’s answer with an E.164 number and ISO expiry', () => {
    const event = buildPermissionEvent(whatsapp, reply);
    expect(outgoingEventSchema.safeParse(event).success).toBe(true);
    expect(event).toMatchObject({
      event: 'call.permission_updated',
      data: {
        status: 'granted',
        permanent: false,
        customer: { number: '+918097530000' },
        expiresAt: new Date(at(7 * 86_400)).toISOString(),
      },
    });
  });

  it('keeps one id for one Meta event, another for another', () => {
    expect(buildPermissionEvent(whatsapp, reply).id).toBe(buildPermissionEvent(whatsapp, reply).id);
    expect(buildPermissionEvent(whatsapp, { ...reply, idempotencyKey: 'k-2' }).id).not.toBe(
      buildPermissionEvent(whatsapp, reply).id,
    );
  });
});
