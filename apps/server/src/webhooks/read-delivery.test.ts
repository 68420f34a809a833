import { describe, expect, it } from 'vitest';
import {
  messengerConnect,
  newMessengerCallId,
  newWhatsAppCallId,
  whatsappConnect,
  whatsappTerminate,
} from '../testing/meta-payloads';
import { readDelivery } from './read-delivery';

const phoneNumberId = '115017831530658';

function offered(reading: ReturnType<typeof readDelivery>) {
  if (!reading.ok) throw new Error(`not read: ${reading.summary}`);
  return reading.events.map((e) => ({
    kind: e.kind,
    callId: 'callId' in e ? e.callId : undefined,
    caller: e.kind === 'call.offered' ? e.caller : undefined,
  }));
}

describe('readDelivery', () => {
  it('reads a delivery that parses whole, with nothing set aside', () => {
    const callId = newWhatsAppCallId();
    const reading = readDelivery(whatsappConnect({ phoneNumberId, callId, name: 'Rahul' }));
    expect(offered(reading)).toEqual([
      { kind: 'call.offered', callId, caller: { id: '918097530000', name: 'Rahul' } },
    ]);
    expect(reading.ok && reading.setAside).toEqual([]);
  });

  it('keeps the connect beside a call event of a kind it does not know', () => {
    const callId = newWhatsAppCallId();
    const body = whatsappConnect({ phoneNumberId, callId, name: 'Rahul' });
    body['entry'][0]['changes'][0]['value']['calls'].push({ id: 'wacid.x', event: 'transfer' });
    const reading = readDelivery(body);
    // the caller's name still comes from the contacts beside the calls
    expect(offered(reading)).toEqual([
      { kind: 'call.offered', callId, caller: { id: '918097530000', name: 'Rahul' } },
    ]);
    expect(reading.ok && reading.setAside).toEqual([
      {
        path: 'entry[0].changes[0].value.calls[1]',
        reason: expect.stringMatching(/^not understood: .*event/),
      },
    ]);
  });

  it('keeps calls batched with a change of another product it cannot parse', () => {
    const first = newWhatsAppCallId();
    const second = newWhatsAppCallId();
    const body = whatsappConnect({ phoneNumberId, callId: first });
    const other = whatsappTerminate({ phoneNumberId, callId: second });
    body['entry'].push({ id: '1', changes: [{ field: 'account_update', value: { event: 'X' } }] });
    body['entry'].push(other['entry'][0]);
    const reading = readDelivery(body);
    expect(offered(reading).map((e) => [e.kind, e.callId])).toEqual([
      ['call.offered', first],
      ['call.terminated', second],
    ]);
    expect(reading.ok && reading.setAside.map((s) => s.path)).toEqual([
      'entry[1].changes[0].value',
    ]);
  });

  it('keeps the Messenger calls beside one it cannot read', () => {
    const pageId = '106378625516323';
    const good = newMessengerCallId();
    const body = messengerConnect({ pageId, callId: good });
    body['entry'][0]['calls'].unshift({ id: 'c_bad', event: 'connect' });
    const reading = readDelivery(body);
    expect(offered(reading).map((e) => e.callId)).toEqual([good]);
    expect(reading.ok && reading.setAside.map((s) => s.path)).toEqual(['entry[0].calls[0]']);
  });

  it('refuses what holds nothing readable, saying what was wrong', () => {
    for (const body of [{ object: 'instagram', entry: 'x' }, [], 'text', { entry: [{}] }]) {
      const reading = readDelivery(body);
      expect(reading.ok).toBe(false);
      expect(!reading.ok && reading.summary.length).toBeGreaterThan(0);
    }
  });

  it('a delivery of only unknown items is refused as a whole, not half-read', () => {
    const body = whatsappConnect({ phoneNumberId, callId: newWhatsAppCallId() });
    body['entry'][0]['changes'][0]['value']['calls'] = [{ id: 'wacid.x', event: 'transfer' }];
    expect(readDelivery(body)).toMatchObject({ ok: false, object: 'whatsapp_business_account' });
  });
});
