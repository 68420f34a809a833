import { metaErrorEnvelopeSchema, waSuccessReplySchema } from '@ringside/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import type { MetaSim } from '../create-meta-sim';
import { DEMO_WHATSAPP_NUMBER, type MetaSimOptions } from '../engine/config';
import { fakeSdp } from '../engine/fake-sdp';
import { startWhatsAppSim, type TestGraphClient } from './test-client';

const PNID = DEMO_WHATSAPP_NUMBER.phoneNumberId;
const USER = '918097530000';

let sim: MetaSim;
let graph: TestGraphClient;

async function start(options: MetaSimOptions = {}): Promise<void> {
  ({ sim, graph } = await startWhatsAppSim(options));
}

afterEach(async () => {
  await sim.close();
});

const error = (body: unknown) => metaErrorEnvelopeSchema.parse(body).error;
const answer = () => ({ sdp_type: 'answer', sdp: fakeSdp({ type: 'answer', mid: 'audio' }) });
const act = (action: string, callId: string, extra: object = {}) =>
  graph.post(PNID, 'calls', { messaging_product: 'whatsapp', action, call_id: callId, ...extra });

describe('refusals at the HTTP status Meta gives each code', () => {
  it.each([
    [138007, 500],
    [138004, 500],
    [138005, 429],
    [138002, 429],
    [138000, 401],
    [138013, 400],
  ])('an injected %i comes back as HTTP %i in Meta’s envelope, once', async (code, status) => {
    await start();
    const call = await sim.placeCall({ channel: 'whatsapp' });
    sim.failNextRequest({ code, edge: 'calls', action: 'pre_accept' });
    const refused = await act('pre_accept', call.id, { session: answer() });
    expect(refused.status).toBe(status);
    expect(error(refused.body)).toMatchObject({ code, fbtrace_id: expect.any(String) });
    // the call is as it was: the same request now goes through
    expect(call.state).toBe('ringing');
    expect((await act('pre_accept', call.id, { session: answer() })).status).toBe(200);
  });

  it('613 on the permission look-up is 429 with Meta’s title; a fault waits for the edge it names', async () => {
    await start();
    sim.failNextRequest({ code: 613, edge: 'call_permissions', times: 2 });
    const call = await sim.placeCall({ channel: 'whatsapp' });
    expect((await act('reject', call.id)).status).toBe(200);
    for (let i = 0; i < 2; i += 1) {
      const res = await graph.get(PNID, 'call_permissions', { user_wa_id: USER });
      expect(res.status).toBe(429);
      expect(error(res.body).message).toContain('(#613) Fetch Call Permission');
    }
    expect((await graph.get(PNID, 'call_permissions', { user_wa_id: USER })).status).toBe(200);
  });

  it('Meta’s own refusals use the same table: calling disabled is 401/138000', async () => {
    await start();
    await graph.post(PNID, 'settings', { calling: { status: 'DISABLED' } });
    const res = await graph.post(PNID, 'calls', {
      messaging_product: 'whatsapp',
      action: 'connect',
      to: USER,
      session: { sdp_type: 'offer', sdp: fakeSdp({ type: 'offer' }) },
    });
    expect([res.status, error(res.body).code]).toEqual([401, 138000]);
  });

  it('refuses a fault without a code', async () => {
    await start();
    expect(() => sim.failNextRequest({ code: 0 })).toThrow(/error code/);
    expect(() => sim.failNextRequest({ code: 138007, times: 0 })).toThrow(/times/);
  });
});

describe('success replies', () => {
  it('carry messaging_product by default, as Meta’s reference tables show', async () => {
    await start();
    const call = await sim.placeCall({ channel: 'whatsapp' });
    expect((await act('reject', call.id)).body).toEqual({
      messaging_product: 'whatsapp',
      success: true,
    });
  });

  it('are a bare {"success":true} with the bareSuccess quirk, as Meta’s call-flow examples show', async () => {
    await start({ quirks: { bareSuccess: true } });
    const call = await sim.placeCall({ channel: 'whatsapp' });
    const session = answer();
    const pre = await act('pre_accept', call.id, { session });
    expect(pre.body).toEqual({ success: true });
    expect((await act('accept', call.id, { session })).body).toEqual({ success: true });
    expect((await act('terminate', call.id)).body).toEqual({ success: true });
    expect(waSuccessReplySchema.safeParse({ success: true }).success).toBe(true);
  });
});
