import type { CallView } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { ME } from '../state/testing';
import { placedCall } from './call-records';
import { orphanedCall, outboundProgress, rejoiningCall } from './server-view';

const view = (state: CallView['state'], direction: CallView['direction']): CallView => ({
  id: 'c1',
  channel: 'whatsapp',
  direction,
  state,
  agent: { userId: ME.id, name: ME.name },
  caller: { number: '+447700900123' },
  called: { channelId: 'ch1', label: '+91 91299 50000' },
});

describe('orphanedCall', () => {
  it('offers to end a live call of ours, inbound once claimed, outbound from dialing on', () => {
    expect(orphanedCall(view('active', 'inbound'), 5)).toMatchObject({
      callId: 'c1',
      direction: 'inbound',
      phase: 'orphaned',
    });
    expect(orphanedCall(view('ringing', 'outbound'), 5)?.direction).toBe('outbound');
    expect(orphanedCall(view('dialing', 'outbound'), 5)?.phase).toBe('orphaned');
  });

  it('leaves alone an inbound call still ringing, and any call that ended', () => {
    expect(orphanedCall(view('ringing', 'inbound'), 5)).toBeNull();
    expect(orphanedCall(view('ended', 'outbound'), 5)).toBeNull();
  });
});

describe('rejoiningCall', () => {
  const anchored = (state: CallView['state'], extra: Partial<CallView> = {}): CallView => ({
    ...view(state, 'inbound'),
    anchored: true,
    answeredAt: '2026-12-01T10:00:00.000Z',
    ...extra,
  });

  it('takes back an anchored call in progress, its timer from the server’s answer time', () => {
    expect(rejoiningCall(anchored('active'), 5)).toMatchObject({
      callId: 'c1',
      phase: 'rejoining',
      acceptedAt: 5,
      answeredAt: Date.parse('2026-12-01T10:00:00.000Z'),
    });
    expect(rejoiningCall(anchored('active', { direction: 'outbound' }), 5)?.direction).toBe(
      'outbound',
    );
  });

  it('leaves a direct call to be ended, and an anchored one not yet or no longer talking', () => {
    expect(rejoiningCall(anchored('active', { anchored: false }), 5)).toBeNull();
    expect(rejoiningCall({ ...view('active', 'inbound') }, 5)).toBeNull();
    expect(rejoiningCall(anchored('connecting'), 5)).toBeNull();
    expect(rejoiningCall(anchored('ended'), 5)).toBeNull();
  });
});

describe('outboundProgress', () => {
  const [whatsapp] = ME.channels;
  if (!whatsapp) throw new Error('ME has a WhatsApp channel');
  const dialing = { ...placedCall('c1', whatsapp, '+447700900123', 0), phase: 'dialing' as const };

  it('rings, then connects from the pickup on, starting the timer then', () => {
    expect(outboundProgress(dialing, view('ringing', 'outbound'), 9)).toEqual({
      patch: { phase: 'ringing' },
      pickedUp: false,
    });
    expect(
      outboundProgress({ ...dialing, phase: 'ringing' }, view('active', 'outbound'), 9),
    ).toEqual({ patch: { phase: 'connecting', answeredAt: 9 }, pickedUp: true });
  });

  it('never moves a call back, nor one being hung up', () => {
    const connecting = { ...dialing, phase: 'connecting' as const, answeredAt: 3 };
    expect(outboundProgress(connecting, view('ringing', 'outbound'), 9)).toBeNull();
    expect(
      outboundProgress({ ...dialing, phase: 'active' }, view('active', 'outbound'), 9),
    ).toBeNull();
    expect(
      outboundProgress({ ...dialing, phase: 'ending' }, view('active', 'outbound'), 9),
    ).toBeNull();
  });
});
