import { describe, expect, it } from 'vitest';
import {
  messengerConnect,
  newMessengerCallId,
  newWhatsAppCallId,
  whatsappConnect,
} from '../testing/meta-payloads';
import { recordEvents, settle, useStack, waitUntil } from '../testing/test-stack';

const stack = useStack();

function unownedCount(metrics: string, kind: string): number {
  const line = metrics
    .split('\n')
    .find((l) => l.startsWith(`ringside_webhook_events_total{kind="${kind}",result="unowned"}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

async function metricsText(): Promise<string> {
  return (await fetch(`${stack().url}/metrics`)).text();
}

describe('calls to a number or Page that no workspace owns', () => {
  it('answers 200, counts them in /metrics and rings nobody', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const seen = recordEvents(agent.socket);
    const before = unownedCount(await metricsText(), 'call.offered');

    const wa = whatsappConnect({ phoneNumberId: '999000111222333', callId: newWhatsAppCallId() });
    const page = messengerConnect({ pageId: '888000111222333', callId: newMessengerCallId() });
    expect((await stack().postWebhook(JSON.stringify(wa))).status).toBe(200);
    expect((await stack().postWebhook(JSON.stringify(page))).status).toBe(200);
    await stack().settled();
    await settle(150);

    expect(unownedCount(await metricsText(), 'call.offered')).toBe(before + 2);
    expect(seen.of('call:ringing')).toHaveLength(0);
    const calls = await stack().app.repos.calls.listCalls(ws.id);
    expect(calls.ok && calls.items).toEqual([]);
    expect(stack().logs.some((l) => l.includes('no workspace owns'))).toBe(true);
  });
});

describe('events Ringside does not know', () => {
  it('stores them, answers 200 and still applies the known events beside them', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const seen = recordEvents(agent.socket);
    const body = whatsappConnect({ phoneNumberId: ws.phoneNumberId, callId: newWhatsAppCallId() });
    const value = body['entry'][0]['changes'][0]['value'];
    value['calls'].push({
      id: newWhatsAppCallId(),
      event: 'transfer',
      timestamp: '1',
      shiny: true,
    });
    value['brand_new_field'] = { anything: 1 };
    body['entry'][0]['changes'].push({ field: 'account_update', value: { event: 'VERIFIED' } });
    const res = await stack().postWebhook(JSON.stringify(body));
    expect(res.status).toBe(200);
    await stack().settled();
    await waitUntil('the known connect rings', () => seen.of('call:ringing').length === 1);
    expect(stack().logs.some((l) => l.includes('webhook item ignored'))).toBe(true);
  });
});
