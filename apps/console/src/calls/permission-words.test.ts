import { describe, expect, it } from 'vitest';
import { ME } from '../state/testing';
import type { PermissionNotice } from '../state/types';
import { permissionDraft, permissionNoticeWords } from './permission-words';

const granted: PermissionNotice = {
  id: 1,
  channelId: 'ch1',
  channel: 'whatsapp',
  customer: { number: '+447700900123' },
  granted: true,
  expiresAt: Date.parse('2026-01-08T10:00:00.000Z'),
  permanent: false,
};
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('permissionNoticeWords', () => {
  it('says who allowed calls from which line, and until when', () => {
    expect(permissionNoticeWords(granted, ME.channels, isoDate)).toEqual({
      title: '+447700900123 allowed calls from WhatsApp · +91 91299 50000',
      detail: 'You can call them until 2026-01-08.',
    });
  });

  it('names the customer when Meta gave their name, and a permanent permission as such', () => {
    const words = permissionNoticeWords(
      { ...granted, customer: { name: 'Olivia Ode', number: '+447700900123' }, permanent: true },
      ME.channels,
      isoDate,
    );
    expect(words.title).toBe(
      'Olivia Ode (+447700900123) allowed calls from WhatsApp · +91 91299 50000',
    );
    expect(words.detail).toMatch(/for good/);
  });

  it('says a refusal plainly', () => {
    const words = permissionNoticeWords(
      {
        channelId: 'ch2',
        channel: 'messenger',
        customer: { psid: '5275811702471834' },
        granted: false,
      },
      ME.channels,
    );
    expect(words).toEqual({
      title: 'Messenger ID …1834 refused calls from Messenger · Acme Support',
      detail: 'They said no to the request, so they cannot be called from this line.',
    });
  });

  it('names a line the agent no longer has by its kind alone', () => {
    expect(permissionNoticeWords({ ...granted, channelId: 'gone' }, ME.channels).title).toBe(
      '+447700900123 allowed calls from WhatsApp',
    );
  });
});

describe('permissionDraft', () => {
  it('fills New call with the line and the number, or the PSID on Messenger', () => {
    expect(permissionDraft(granted, ME.channels)).toEqual({
      channelId: 'ch1',
      to: '+447700900123',
    });
    expect(
      permissionDraft(
        {
          channelId: 'ch2',
          channel: 'messenger',
          customer: { psid: '5275811702471834' },
          granted: true,
        },
        ME.channels,
      ),
    ).toEqual({ channelId: 'ch2', to: '5275811702471834' });
  });

  it('fills the business-scoped user id for a customer Meta sent no number for', () => {
    const bsuid = 'US.13491208655302741918';
    const notice = { ...granted, customer: { name: 'Priya', userId: bsuid } };
    expect(permissionDraft(notice, ME.channels)).toEqual({ channelId: 'ch1', to: bsuid });
    expect(permissionNoticeWords(notice, ME.channels, isoDate).title).toBe(
      'Priya (WhatsApp ID …1918) allowed calls from WhatsApp · +91 91299 50000',
    );
  });

  it('offers nothing after a refusal, or for a line the agent may not call from', () => {
    expect(permissionDraft({ ...granted, granted: false }, ME.channels)).toBeNull();
    expect(permissionDraft({ ...granted, channelId: 'elsewhere' }, ME.channels)).toBeNull();
    expect(permissionDraft(granted, undefined)).toBeNull();
    // a WhatsApp line with a Messenger id is not a call anyone can place
    expect(
      permissionDraft({ ...granted, customer: { psid: '5275811702471834' } }, ME.channels),
    ).toBeNull();
  });
});
