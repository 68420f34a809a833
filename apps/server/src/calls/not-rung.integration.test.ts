import { describe, expect, it } from 'vitest';
import { newWhatsAppCallId, whatsappConnect } from '../testing/meta-payloads';
import { nextEvent, recordEvents, settle, useStack } from '../testing/test-stack';

const stack = useStack();

describe('calls that ring nobody', () => {
  it('a connect Meta delivers after the caller’s ring time is over is recorded missed, unrung', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const seen = recordEvents(agent.socket);
    const supervisor = await ws.addUser('supervisor');
    const board = await stack().connect(supervisor.email);
    const callId = newWhatsAppCallId();
    // a retry arriving two minutes late (the default ring time is 45 s)
    const late = whatsappConnect({
      phoneNumberId: ws.phoneNumberId,
      callId,
      name: 'Late',
      at: Date.now() - 120_000,
    });
    const ended = nextEvent(board, 'call:ended');
    expect((await stack().postWebhook(JSON.stringify(late))).status).toBe(200);
    expect((await ended).outcome).toBe('missed');
    await stack().settled();
    await settle(150);
    expect(seen.of('call:ringing')).toEqual([]);
    const page = await stack().app.repos.calls.listCalls(ws.id);
    expect(page.ok && page.items).toMatchObject([
      { metaCallId: callId, outcome: 'missed', callerName: 'Late' },
    ]);
  });

  it('a call that is only a few seconds old still rings', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const connect = whatsappConnect({
      phoneNumberId: ws.phoneNumberId,
      callId: newWhatsAppCallId(),
      at: Date.now() - 5_000,
    });
    expect((await stack().postWebhook(JSON.stringify(connect))).status).toBe(200);
    const ring = await ringing;
    expect(Date.parse(ring.ringingSince)).toBeLessThan(Date.now() - 4_000);
  });

  it('a disabled channel rings nobody: the caller is let go at once and the call is logged', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const seen = recordEvents(agent.socket);
    await stack().app.repos.channels.updateChannel(ws.id, ws.whatsappChannelId, { enabled: false });
    const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    const heard = await stack().graphRequests(call.id);
    expect(heard.map((r) => r.action)).toEqual(['reject']);
    await stack().settled();
    expect(seen.of('call:ringing')).toEqual([]);

    // the other channel of the workspace still rings
    const ringing = nextEvent(agent.socket, 'call:ringing');
    await stack().sim.placeCall({ channel: 'messenger', to: ws.pageId });
    expect((await ringing).channel).toBe('messenger');
  });
});
