import { describe, expect, it } from 'vitest';
import { readDialTarget } from './dial-target';

describe('reading who to call', () => {
  it('takes a WhatsApp number typed the ways people type it, and gives Meta digits', () => {
    for (const typed of [
      '+44 7700 900123',
      '447700900123',
      '+44 (7700) 900-123',
      ' +447700900123 ',
    ]) {
      expect(readDialTarget('whatsapp', typed)).toEqual({
        ok: true,
        target: { id: '447700900123', shown: '+447700900123' },
      });
    }
  });

  it('takes a WhatsApp business-scoped user id as it stands (Meta gets it as `recipient`)', () => {
    expect(readDialTarget('whatsapp', ' US.13491208655302741918 ')).toEqual({
      ok: true,
      target: { id: 'US.13491208655302741918', shown: 'US.13491208655302741918' },
    });
    // not on Messenger, where a customer is a PSID
    expect(readDialTarget('messenger', 'US.13491208655302741918').ok).toBe(false);
  });

  it('refuses a WhatsApp “number” that is not one, saying how to type it', () => {
    for (const typed of ['Rahul', '12', '+0 123 456', '5275811702471834999999']) {
      const read = readDialTarget('whatsapp', typed);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.message).toMatch(/international form, e\.g\. \+44/);
    }
  });

  it('takes a Messenger PSID as it is, and refuses names, numbers with a plus and short ids', () => {
    expect(readDialTarget('messenger', '5275811702471834')).toEqual({
      ok: true,
      target: { id: '5275811702471834', shown: '5275811702471834' },
    });
    for (const typed of ['Rahul', '+5275811702471834', '123', 'c_5275811702471834']) {
      expect(readDialTarget('messenger', typed).ok).toBe(false);
    }
  });

  it('never repeats a pasted page back in full', () => {
    const read = readDialTarget('messenger', 'x'.repeat(60));
    expect(!read.ok && read.message.length).toBeLessThan(130);
  });
});
