import { transition, type CallEvent } from '@ringside/calls';
import { outgoingEventSchema } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { channelRecord } from '../testing/channel-record';
import { callModelColumns } from '../repos/call-columns';
import type { CallRow } from '../repos/calls';
import { buildCallEvent } from './call-events';

// *Business-scoped user IDs*: outgoing events name the customer as Meta did, the number only
// when Meta sent one, and carry Meta's call id
const T0 = Date.parse('2025-07-21T16:27:13.000Z');
const BSUID = 'IN.13491208655302741918';
const channel = channelRecord({
  displayNumber: '+919129950000',
  name: 'Acme support line',
  createdAt: new Date(T0),
  updatedAt: new Date(T0),
});

function ringingChange(caller: Extract<CallEvent, { kind: 'call.offered' }>['caller']) {
  const offered: CallEvent = {
    kind: 'call.offered',
    channel: 'whatsapp',
    callId: 'wacid.HBgMVVNFUk5BTUU',
    endpointId: channel.externalId,
    idempotencyKey: 'k-offer',
    occurredAt: T0,
    caller,
    called: { id: channel.externalId },
    sdpOffer: 'v=0',
  };
  const { call } = transition(undefined, offered);
  if (!call) throw new Error('no call');
  const row: CallRow = {
    ...callModelColumns(call),
    id: '3f2a9c1e-8d4b-4f6a-9e21-5b7c0d1e2f30',
    workspaceId: channel.workspaceId,
    channelId: channel.id,
    calledLabel: '+919129950000',
    model: call,
    quality: null,
    notes: null,
    disposition: null,
    wrapUpEndedAt: null,
    deeplinkPayload: null,
    ctaPayload: null,
    anchorEngine: null,
    mediaCapture: null,
    createdAt: new Date(T0),
    updatedAt: new Date(T0),
  };
  return { channel, event: offered, before: undefined, row };
}

const ringingEvent = (change: ReturnType<typeof ringingChange>) =>
  outgoingEventSchema.parse(buildCallEvent('call.ringing', change, undefined));

describe('outgoing events name the customer as Meta did', () => {
  it('a username caller: userId and username, no number; Meta’s call id', () => {
    const event = ringingEvent(
      ringingChange({ id: BSUID, userId: BSUID, name: 'Priya', username: '@priya.k' }),
    );
    expect(event.data).toMatchObject({
      metaCallId: 'wacid.HBgMVVNFUk5BTUU',
      customer: { name: 'Priya', userId: BSUID, username: '@priya.k' },
    });
    expect('customer' in event.data && event.data.customer).not.toHaveProperty('number');
  });

  it('a caller Meta sent both for: the number beside the user id', () => {
    const event = ringingEvent(ringingChange({ id: '918097530000', userId: BSUID, name: 'Priya' }));
    expect('customer' in event.data && event.data.customer).toEqual({
      name: 'Priya',
      number: '+918097530000',
      userId: BSUID,
    });
  });
});
