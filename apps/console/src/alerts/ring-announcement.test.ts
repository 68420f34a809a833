import { describe, expect, it } from 'vitest';
import { ringingCard } from '../state/testing';
import { ringAnnouncement, transferAnnouncement } from './ring-announcement';

describe('ringAnnouncement', () => {
  it('says the channel, the caller and their number', () => {
    expect(ringAnnouncement({ c1: ringingCard('c1') })).toEqual({
      callId: 'c1',
      text: 'Incoming WhatsApp call from Rahul, +918097530000',
    });
  });

  it('says a caller known by number alone once, and a Messenger caller by what Meta sent', () => {
    const byNumber = ringingCard('c1', { caller: { number: '+918097530000' } });
    expect(ringAnnouncement({ c1: byNumber })?.text).toBe(
      'Incoming WhatsApp call from +918097530000',
    );
    const messenger = ringingCard('c2', {
      channel: 'messenger',
      caller: { psid: '24519283746152' },
    });
    expect(ringAnnouncement({ c2: messenger })?.text).toBe(
      'Incoming Messenger call from Messenger user, Messenger ID …6152',
    );
  });

  it('is about the newest call when two ring, and says how many more', () => {
    const older = ringingCard('c1', { ringingSince: 1_000 });
    const newer = ringingCard('c2', { ringingSince: 2_000, caller: { name: 'Priya' } });
    expect(ringAnnouncement({ c2: newer, c1: older })).toEqual({
      callId: 'c2',
      text: 'Incoming WhatsApp call from Priya. 1 more ringing',
    });
  });

  it('is silent when nothing rings, or a card only shows why it went away', () => {
    expect(ringAnnouncement({})).toBeNull();
    const gone = ringingCard('c1', { notice: { kind: 'caller-hung-up' } });
    expect(ringAnnouncement({ c1: gone })).toBeNull();
  });

  it('does not change while the call keeps ringing (nothing about time in it)', () => {
    const card = ringingCard('c1');
    expect(ringAnnouncement({ c1: card })).toEqual(ringAnnouncement({ c1: { ...card } }));
  });
});

describe('transferAnnouncement', () => {
  const offer = (callId: string, offeredAt: number, accepting = false) => ({
    callId,
    mode: 'cold' as const,
    from: { userId: 'u_bo', name: 'Bo Agent' },
    channel: 'whatsapp' as const,
    caller: { name: callId === 'c8' ? 'Priya' : 'Rahul' },
    called: { channelId: 'ch1', label: '+1' },
    offeredAt,
    accepting,
  });

  it('says who hands over which customer’s call, the newest offer first', () => {
    expect(transferAnnouncement({ c7: offer('c7', 1), c8: offer('c8', 2) })).toEqual({
      callId: 'c8',
      text: 'Bo Agent is transferring a WhatsApp call from Priya to you',
    });
  });

  it('says when the call was sent to a line’s queue rather than to this agent', () => {
    const queued = { ...offer('c7', 1), queue: { channelId: 'ch_sales', name: 'Sales' } };
    expect(transferAnnouncement({ c7: queued })?.text).toBe(
      'Bo Agent is sending a WhatsApp call from Rahul to the Sales queue',
    );
  });

  it('says nothing once Accept is pressed, or with no offer', () => {
    expect(transferAnnouncement({ c7: offer('c7', 1, true) })).toBeNull();
    expect(transferAnnouncement({})).toBeNull();
  });
});
