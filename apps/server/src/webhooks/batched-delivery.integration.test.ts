import { describe, expect, it } from 'vitest';
import { recordEvents, useStack, waitUntil } from '../testing/test-stack';

// deliveries held together within 300 ms go out as one body, as Meta batches them
const stack = useStack({ sim: { webhooks: { batch: true, holdMs: 300 } } });

describe('several calls in one webhook body', () => {
  it('rings every one of them', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const seen = recordEvents(agent.socket);
    const calls = await Promise.all(
      ['Ana', 'Bo', 'Cy'].map((name) =>
        stack().sim.placeCall({ channel: 'whatsapp', name, to: ws.phoneNumberId }),
      ),
    );
    await waitUntil('three calls ring', () => seen.of('call:ringing').length === 3);

    const bodies = new Set(
      stack()
        .sim.deliveries({ kind: 'connect' })
        .map((d) => d.id),
    );
    expect(bodies.size).toBe(1);
    const [delivery] = stack().sim.deliveries({ kind: 'connect' });
    expect(delivery?.events.map((e) => e.callId).sort()).toEqual(calls.map((c) => c.id).sort());
    expect(
      seen
        .of('call:ringing')
        .map((r) => r.caller.name)
        .sort(),
    ).toEqual(['Ana', 'Bo', 'Cy']);
  });

  it('rings calls of both channels batched together', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const seen = recordEvents(agent.socket);
    await Promise.all([
      stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId }),
      stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId }),
      stack().sim.placeCall({ channel: 'messenger', to: ws.pageId }),
      stack().sim.placeCall({ channel: 'messenger', to: ws.pageId }),
    ]);
    await waitUntil('four calls ring', () => seen.of('call:ringing').length === 4);
    expect(
      seen
        .of('call:ringing')
        .map((r) => r.channel)
        .sort(),
    ).toEqual(['messenger', 'messenger', 'whatsapp', 'whatsapp']);
  });
});
