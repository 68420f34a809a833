import { describe, expect, it } from 'vitest';
import {
  OUTGOING_EVENT_NAMES,
  outgoingEventSchema,
  subscriptionEventSchema,
  subscriptionWants,
} from './outgoing-events';

const call = {
  callId: 'call_1',
  channel: 'whatsapp',
  direction: 'inbound',
  customer: { name: 'Rahul', number: '+918097530000' },
  business: { channelId: 'ch_1', label: 'Support', number: '+919129950000' },
};
const at = '2025-07-21T16:27:13.000Z';
const event = (name: string, data: object) => ({ event: name, id: 'evt_1', createdAt: at, data });

describe('outgoingEventSchema', () => {
  it('reads one event of each name', () => {
    const samples = [
      event('call.ringing', { ...call, ringingSince: at }),
      event('call.answered', { ...call, answeredAt: at, agent: { userId: 'u1', name: 'Asha' } }),
      event('call.ended', {
        ...call,
        outcome: 'completed',
        startedAt: at,
        endedAt: at,
        durationSec: 180,
      }),
      event('call.missed', { ...call, reason: 'caller-hung-up', ringingSince: at, endedAt: at }),
      event('call.permission_updated', {
        channel: 'whatsapp',
        business: call.business,
        customer: call.customer,
        status: 'granted',
        permanent: false,
        expiresAt: at,
      }),
    ];
    expect(samples.map((s) => outgoingEventSchema.parse(s).event)).toEqual([
      ...OUTGOING_EVENT_NAMES,
    ]);
  });

  it('refuses numbers without their plus, as Meta writes them', () => {
    const bad = event('call.ringing', {
      ...call,
      customer: { number: '918097530000' },
      ringingSince: at,
    });
    expect(outgoingEventSchema.safeParse(bad).error?.issues[0]?.path).toEqual([
      'data',
      'customer',
      'number',
    ]);
  });

  it('refuses an unknown event, a non-ISO createdAt and a failed call’s missing fields', () => {
    expect(outgoingEventSchema.safeParse(event('call.held', call)).success).toBe(false);
    const time = {
      ...event('call.ringing', { ...call, ringingSince: at }),
      createdAt: '21/07/2025',
    };
    expect(outgoingEventSchema.safeParse(time).success).toBe(false);
    expect(
      outgoingEventSchema.safeParse(event('call.ended', { ...call, outcome: 'failed' })).success,
    ).toBe(false);
  });

  it('reads a Messenger customer by PSID', () => {
    const messenger = {
      ...call,
      channel: 'messenger',
      customer: { psid: '5275811702471834' },
      business: { channelId: 'ch_2', label: 'Acme', pageId: '106378625516323' },
      ringingSince: at,
    };
    expect(outgoingEventSchema.safeParse(event('call.ringing', messenger)).success).toBe(true);
  });
});

describe('subscriptions', () => {
  it('accept event names and "*" only', () => {
    expect(subscriptionEventSchema.safeParse('*').success).toBe(true);
    expect(subscriptionEventSchema.safeParse('call.*').success).toBe(false);
  });

  it('deliver what they list, or everything for "*"', () => {
    expect(subscriptionWants(['call.ended'], 'call.ended')).toBe(true);
    expect(subscriptionWants(['call.ended'], 'call.missed')).toBe(false);
    expect(subscriptionWants(['*'], 'call.permission_updated')).toBe(true);
    expect(subscriptionWants([], 'call.ringing')).toBe(false);
  });
});
