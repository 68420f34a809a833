import { describe, expect, it } from 'vitest';
import { splitEnvelope } from './split-envelope';

describe('splitEnvelope', () => {
  it('gives each WhatsApp call, status and message its own envelope, with what surrounds it', () => {
    const value = {
      messaging_product: 'whatsapp',
      metadata: { phone_number_id: '1' },
      contacts: [{ wa_id: '9' }],
      calls: [{ id: 'a' }, { id: 'b' }],
      statuses: [{ id: 's' }],
    };
    const body = {
      object: 'whatsapp_business_account',
      entry: [{ id: 'waba', changes: [{ field: 'calls', value }] }],
    };
    const pieces = splitEnvelope(body) ?? [];
    expect(pieces.map((p) => p.path)).toEqual([
      'entry[0].changes[0].value.calls[0]',
      'entry[0].changes[0].value.calls[1]',
      'entry[0].changes[0].value.statuses[0]',
    ]);
    expect(pieces[1]?.envelope).toEqual({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'waba',
          changes: [
            {
              field: 'calls',
              value: {
                messaging_product: 'whatsapp',
                metadata: { phone_number_id: '1' },
                contacts: [{ wa_id: '9' }],
                calls: [{ id: 'b' }],
              },
            },
          ],
        },
      ],
    });
  });

  it('keeps a change or entry without items whole', () => {
    const body = {
      object: 'page',
      entry: [{ id: 'p', time: 1 }, 'junk'],
    };
    expect(splitEnvelope(body)?.map((p) => [p.path, p.envelope['entry']])).toEqual([
      ['entry[0]', [{ id: 'p', time: 1 }]],
      ['entry[1]', ['junk']],
    ]);
  });

  it('splits Messenger entries by call and messaging item', () => {
    const body = {
      object: 'page',
      entry: [{ id: 'p', calls: [{ id: 'c1' }], messaging: [{ m: 1 }] }],
    };
    expect(splitEnvelope(body)?.map((p) => p.envelope['entry'])).toEqual([
      [{ id: 'p', calls: [{ id: 'c1' }] }],
      [{ id: 'p', messaging: [{ m: 1 }] }],
    ]);
  });

  it('is undefined for what is not an envelope', () => {
    expect(splitEnvelope(null)).toBeUndefined();
    expect(splitEnvelope([])).toBeUndefined();
    expect(splitEnvelope({ object: 'page', entry: {} })).toBeUndefined();
  });
});
