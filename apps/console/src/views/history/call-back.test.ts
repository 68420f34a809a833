import type { CallSummary } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { readDialTarget } from '../../calls/dial-target';
import { ME } from '../../state/testing';
import { callBackOf } from './call-back';

const [WHATSAPP, MESSENGER] = ME.channels;

function call(overrides: Partial<CallSummary> = {}): CallSummary {
  return {
    id: 'call_1',
    channel: 'whatsapp',
    direction: 'inbound',
    state: 'ended',
    outcome: 'missed',
    caller: { name: 'Omar Otieno', number: '+447700900654' },
    called: { channelId: 'ch1', label: '+91 91299 50000' },
    startedAt: '2026-06-01T09:00:00.000Z',
    ...overrides,
  };
}

describe('callBackOf', () => {
  it('calls a WhatsApp customer back on the number they called, as the New call form reads it', () => {
    const back = callBackOf(call(), ME.channels);
    expect(back).toEqual({ draft: { channelId: 'ch1', to: '+447700900654' }, from: WHATSAPP });
    // what lands in the form is dialled as it stands
    expect(readDialTarget('whatsapp', back?.draft.to ?? '')).toEqual({
      ok: true,
      to: '+447700900654',
    });
  });

  it('calls a customer Meta sent no number for back on their business-scoped user id', () => {
    const bsuid = 'US.13491208655302741918';
    const back = callBackOf(
      call({ caller: { name: 'Priya', userId: bsuid, username: '@priya.k' } }),
      ME.channels,
    );
    expect(back).toEqual({ draft: { channelId: 'ch1', to: bsuid }, from: WHATSAPP });
    expect(readDialTarget('whatsapp', bsuid)).toEqual({ ok: true, to: bsuid });
    // the number wins when Meta sent both
    const both = callBackOf(
      call({ caller: { number: '+447700900654', userId: bsuid } }),
      ME.channels,
    );
    expect(both?.draft.to).toBe('+447700900654');
  });

  it('calls a Messenger customer back on their PSID, from the Page they called', () => {
    const back = callBackOf(
      call({
        channel: 'messenger',
        caller: { name: 'Messenger user', psid: '6124509938127745' },
        called: { channelId: 'ch2', label: 'Acme Support' },
      }),
      ME.channels,
    );
    expect(back).toEqual({ draft: { channelId: 'ch2', to: '6124509938127745' }, from: MESSENGER });
    expect(readDialTarget('messenger', back?.draft.to ?? '').ok).toBe(true);
  });

  it('calls again a customer the agent called, completed or not', () => {
    const outbound = call({ direction: 'outbound', outcome: 'no-answer' });
    expect(callBackOf(outbound, ME.channels)?.draft.to).toBe('+447700900654');
    expect(callBackOf(call({ outcome: 'completed' }), ME.channels)?.draft.to).toBe('+447700900654');
  });

  it('offers nothing for a line the agent may not call from', () => {
    const elsewhere = call({ called: { channelId: 'ch9', label: '+1 555 010 0199' } });
    expect(callBackOf(elsewhere, ME.channels)).toBeNull();
    expect(callBackOf(call(), [])).toBeNull();
    // before the agent's channels are known
    expect(callBackOf(call(), undefined)).toBeNull();
  });

  it('offers nothing without an address that channel can dial', () => {
    // a Messenger caller has no number, a WhatsApp call names no PSID
    expect(
      callBackOf(
        call({
          channel: 'messenger',
          caller: { number: '+447700900654' },
          called: { channelId: 'ch2', label: 'Acme Support' },
        }),
        ME.channels,
      ),
    ).toBeNull();
    expect(callBackOf(call({ caller: { psid: '6124509938127745' } }), ME.channels)).toBeNull();
    // the line's id matches but its kind does not: never dial a number from a Page
    expect(
      callBackOf(call({ called: { channelId: 'ch2', label: 'Acme Support' } }), ME.channels),
    ).toBeNull();
  });

  it('offers nothing for a call still going on', () => {
    for (const state of ['dialing', 'ringing', 'claimed', 'connecting', 'active'] as const) {
      expect(callBackOf(call({ state, outcome: undefined }), ME.channels)).toBeNull();
    }
  });
});
