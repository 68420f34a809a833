import { describe, expect, it } from 'vitest';
import { newWhatsAppCallId, whatsappConnect, whatsappTerminate } from '../testing/meta-payloads';
import { nextEvent, recordEvents, settle, useStack } from '../testing/test-stack';

const stack = useStack();

// our clock two minutes ahead of Meta's is the same, to the server, as Meta stamping every
// event two minutes in the past: that is how these deliveries are built
const SKEW_MS = 120_000;

describe('a server whose clock runs two minutes ahead of Meta’s', () => {
  it('still rings live calls once deliveries show the skew, and a stale retry still does not ring', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const seen = recordEvents(agent.socket);
    // three fresh deliveries, each two minutes "old" on our clock (the first are lost to the
    // skew: nothing tells them from retries yet)
    for (let i = 0; i < 3; i++) {
      const callId = newWhatsAppCallId();
      const terminate = whatsappTerminate({
        phoneNumberId: ws.phoneNumberId,
        callId,
        at: Date.now() - SKEW_MS,
      });
      expect((await stack().postWebhook(JSON.stringify(terminate))).status).toBe(200);
    }
    const metrics = await (await fetch(`${stack().url}/metrics`)).text();
    const gauge = /^ringside_meta_clock_skew_seconds (\S+)$/m.exec(metrics)?.[1];
    expect(Number(gauge)).toBeGreaterThan(118);
    expect(Number(gauge)).toBeLessThan(122);

    const live = newWhatsAppCallId();
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const connect = whatsappConnect({
      phoneNumberId: ws.phoneNumberId,
      callId: live,
      name: 'Live',
      at: Date.now() - SKEW_MS,
    });
    expect((await stack().postWebhook(JSON.stringify(connect))).status).toBe(200);
    const ring = await ringing;
    expect(ring.caller.name).toBe('Live');
    // on our clock it started ringing just now, with (about) its whole ring time left
    expect(Date.parse(ring.ringingSince)).toBeGreaterThan(Date.now() - 5_000);
    expect(ring.ringTimeoutMs).toBeGreaterThan(40_000);

    // a retry Meta stamped five minutes before that is stale on either clock
    const stale = whatsappConnect({
      phoneNumberId: ws.phoneNumberId,
      callId: newWhatsAppCallId(),
      name: 'Stale',
      at: Date.now() - SKEW_MS - 300_000,
    });
    expect((await stack().postWebhook(JSON.stringify(stale))).status).toBe(200);
    await stack().settled();
    await settle(150);
    expect(seen.of('call:ringing').map((r) => r.caller.name)).toEqual(['Live']);
    expect(stack().logs.join('\n')).toMatch(/our clock differs from Meta event times/);
  });
});
