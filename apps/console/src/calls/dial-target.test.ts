import { describe, expect, it } from 'vitest';
import { readDialTarget } from './dial-target';

describe('readDialTarget', () => {
  it('takes a WhatsApp number as people write it and sends it as E.164', () => {
    expect(readDialTarget('whatsapp', '+44 7700 900123')).toEqual({
      ok: true,
      to: '+447700900123',
    });
    expect(readDialTarget('whatsapp', ' +1 (555) 010-0001 ')).toEqual({
      ok: true,
      to: '+15550100001',
    });
    expect(readDialTarget('whatsapp', '0044 7700 900123')).toEqual({
      ok: true,
      to: '+447700900123',
    });
  });

  it('asks for the country code when the number has none', () => {
    const read = readDialTarget('whatsapp', '07700 900123');
    expect(read).toEqual({
      ok: false,
      message: expect.stringContaining('country code') as string,
    });
  });

  it('refuses letters, too few or too many digits, and a leading zero, saying why', () => {
    expect(readDialTarget('whatsapp', '+44 7700 CALLME')).toEqual({
      ok: false,
      message: 'A phone number has only digits after the +.',
    });
    expect(readDialTarget('whatsapp', '+44 12').ok).toBe(false);
    expect(readDialTarget('whatsapp', '+1234567890123456').ok).toBe(false);
    expect(readDialTarget('whatsapp', '+0447700900123').ok).toBe(false);
    expect(readDialTarget('whatsapp', '   ')).toEqual({
      ok: false,
      message: 'Type the phone number to call.',
    });
  });

  it('takes a Messenger PSID as digits, and nothing else', () => {
    expect(readDialTarget('messenger', ' 6124509938127745 ')).toEqual({
      ok: true,
      to: '6124509938127745',
    });
    expect(readDialTarget('messenger', '+447700900123').ok).toBe(false);
    expect(readDialTarget('messenger', 'rahul.mehta').ok).toBe(false);
    expect(readDialTarget('messenger', '')).toEqual({
      ok: false,
      message: 'Type the Messenger user id (PSID) to call.',
    });
  });
});
