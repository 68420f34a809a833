import { describe, expect, it } from 'vitest';
import { whatsappConnect, newWhatsAppCallId } from '../testing/meta-payloads';
import { recordEvents, settle, useStack } from '../testing/test-stack';

// meta delivers at least once: every delivery of this simulator is sent twice
const stack = useStack({ sim: { webhooks: { duplicates: 1 } } });

describe('the same webhook delivered twice', () => {
  it('makes one call that rings once', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const seen = recordEvents(agent.socket);
    const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    await stack().settled();
    await settle(200);

    const connects = stack().sim.deliveries({ callId: call.id, kind: 'connect' });
    expect(connects).toHaveLength(2);
    expect(connects.every((d) => d.state === 'delivered')).toBe(true);
    expect(connects[1]?.body).toBe(connects[0]?.body);

    expect(seen.of('call:ringing')).toHaveLength(1);
    const page = await stack().app.repos.calls.listCalls(ws.id);
    expect(page.ok && page.items.map((c) => c.metaCallId)).toEqual([call.id]);
  });

  it('a body repeated long after, in a new delivery, still changes nothing', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const seen = recordEvents(agent.socket);
    const body = JSON.stringify(
      whatsappConnect({ phoneNumberId: ws.phoneNumberId, callId: newWhatsAppCallId() }),
    );
    expect((await stack().postWebhook(body)).status).toBe(200);
    await stack().settled();
    expect((await stack().postWebhook(body)).status).toBe(200);
    await stack().settled();
    await settle(200);
    expect(seen.of('call:ringing')).toHaveLength(1);
    const metrics = await (await fetch(`${stack().url}/metrics`)).text();
    expect(metrics).toMatch(
      /ringside_webhook_events_total\{kind="call.offered",result="duplicate"\} [1-9]/,
    );
  });
});
