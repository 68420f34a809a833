import { describe, expect, it } from 'vitest';
import { newWhatsAppCallId, whatsappConnect, whatsappTerminate } from '../testing/meta-payloads';
import { recordEvents, settle, useStack } from '../testing/test-stack';

// deliveries held together go out newest first: a quick hang-up's terminate beats its connect
const stack = useStack({ sim: { webhooks: { reorder: true, holdMs: 250 } } });

describe('a terminate that arrives before its connect', () => {
  it('rings nobody and records the call as ended (missed)', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const seen = recordEvents(agent.socket);
    const call = await stack().sim.placeCall({
      channel: 'whatsapp',
      name: 'Quick Hangup',
      to: ws.phoneNumberId,
    });
    await call.hangUp();
    await stack().settled();
    await settle(200);

    const kinds = stack()
      .sim.deliveries({ callId: call.id })
      .map((d) => d.events[0]?.kind);
    expect(kinds).toEqual(['terminate', 'connect']);
    expect(seen.of('call:ringing')).toHaveLength(0);
    expect(stack().sim.requests({ callId: call.id })).toHaveLength(0);

    const page = await stack().app.repos.calls.listCalls(ws.id);
    expect(page.ok && page.items).toMatchObject([
      { metaCallId: call.id, state: 'ended', outcome: 'missed', callerName: 'Quick Hangup' },
    ]);
  });

  it('a terminate whose connect never comes is kept out of the call log', async () => {
    const ws = await stack().workspace();
    const body = whatsappTerminate({
      phoneNumberId: ws.phoneNumberId,
      callId: newWhatsAppCallId(),
    });
    expect((await stack().postWebhook(JSON.stringify(body))).status).toBe(200);
    await stack().settled();
    const page = await stack().app.repos.calls.listCalls(ws.id);
    expect(page.ok && page.items).toEqual([]);
  });

  it('the late connect posted by hand after its terminate rings nobody either', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const seen = recordEvents(agent.socket);
    const callId = newWhatsAppCallId();
    const target = { phoneNumberId: ws.phoneNumberId, callId };
    expect((await stack().postWebhook(JSON.stringify(whatsappTerminate(target)))).status).toBe(200);
    expect((await stack().postWebhook(JSON.stringify(whatsappConnect(target)))).status).toBe(200);
    await stack().settled();
    await settle(200);
    expect(seen.of('call:ringing')).toHaveLength(0);
    const page = await stack().app.repos.calls.listCalls(ws.id);
    expect(page.ok && page.items).toMatchObject([{ metaCallId: callId, outcome: 'missed' }]);
  });
});
