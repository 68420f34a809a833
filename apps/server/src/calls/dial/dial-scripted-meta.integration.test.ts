import { describeMetaError } from '@ringside/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { businessOffer } from '../../testing/business-sdp';
import {
  newWhatsAppCallId,
  whatsappOutboundConnect,
  whatsappOutboundStatus,
} from '../../testing/meta-payloads';
import { startScriptedHttp, type ScriptedHttp } from '../../testing/scripted-http';
import { command, nextEvent, recordEvents, useStack, waitUntil } from '../../testing/test-stack';

// a scripted Meta: it refuses a connect in a chosen way, or sends its webhooks before it
// answers our connect (which the simulator does only by chance)
let meta: ScriptedHttp | undefined;
const stack = useStack(async () => {
  meta = await startScriptedHttp([]);
  return { graphBaseUrl: meta.url };
});
afterAll(() => meta?.close());

const CUSTOMER = '447700900123';
const permitted = {
  status: 200,
  body: {
    messaging_product: 'whatsapp',
    permission: { status: 'temporary', expiration_time: 1_900_000_000 },
    actions: [
      { action_name: 'send_call_permission_request', can_perform_action: true, limits: [] },
      { action_name: 'start_call', can_perform_action: true, limits: [] },
    ],
  },
};
const success = { status: 200, body: { messaging_product: 'whatsapp', success: true } };
const refusal = (code: number, message: string) => ({
  status: 400,
  body: { error: { message, type: 'OAuthException', code, fbtrace_id: 'Zx9' } },
});

/** the paths and actions of the requests Meta got since `from` */
function heard(from: number): string[] {
  return (meta?.requests ?? []).slice(from).map((r) => {
    const action = r.body ? (JSON.parse(r.body) as { action?: string }).action : undefined;
    return action ?? r.url.replace(/^\/v[\d.]+\/\d+\//, '').replace(/\?.*$/, '');
  });
}

describe('Meta refuses the outbound call', () => {
  for (const code of [138006, 138013]) {
    it(`${code}: the agent reads Meta’s meaning, is not left busy, and no call is left behind`, async () => {
      const ws = await stack().workspace();
      const agent = await ws.agent();
      const seen = recordEvents(agent.socket);
      meta?.script([permitted, refusal(code, 'raw meta text')]);
      const before = meta?.requests.length ?? 0;

      const ack = await command(agent.socket, 'call:dial', {
        channelId: ws.whatsappChannelId,
        to: `+${CUSTOMER}`,
        sdp: businessOffer(),
      });
      const meaning = describeMetaError(code).meaning;
      expect(ack).toEqual({ ok: false, error: { code: 'meta_error', message: meaning } });
      expect(meaning).not.toMatch(/raw meta text|OAuthException/);
      // one connect, never repeated: a repeat could place a second call
      expect(heard(before)).toEqual(['call_permissions', 'connect']);

      const presence = await stack().app.repos.presence.getPresence(ws.id, agent.id);
      expect(presence?.status).toBe('available');
      await waitUntil(
        'the console hears the agent is available again',
        () => seen.of('agent:updated').at(-1)?.status === 'available',
      );
      expect(await stack().app.repos.calls.liveCalls(ws.id)).toEqual([]);
      expect(await stack().app.repos.calls.listCalls(ws.id)).toMatchObject({ ok: true, items: [] });
      expect(seen.of('call:updated')).toEqual([]);
    });
  }

  it('a connect Meta fails with a 5xx is not repeated either: it may have placed the call', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    meta?.script([permitted, { status: 503, body: {} }]);
    const before = meta?.requests.length ?? 0;
    const ack = await command(agent.socket, 'call:dial', {
      channelId: ws.whatsappChannelId,
      to: `+${CUSTOMER}`,
      sdp: businessOffer(),
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'meta_error' } });
    expect(!ack.ok && ack.error.message).toMatch(/temporary problem/);
    expect(heard(before)).toEqual(['call_permissions', 'connect']);
  });
});

describe('Meta’s webhooks arrive before its reply to our connect', () => {
  it('holds the connect (with its actpass answer) and RINGING until the call is stored, then applies them', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const metaCallId = newWhatsAppCallId();
    const fixture = whatsappOutboundConnect({
      phoneNumberId: ws.phoneNumberId,
      callId: metaCallId,
      to: CUSTOMER,
    });
    const answer = (
      fixture['entry'][0]['changes'][0]['value']['calls'][0]['session']['sdp'] as string
    ).replace('a=setup:passive', 'a=setup:actpass');
    meta?.script([
      permitted,
      { status: 200, body: { messaging_product: 'whatsapp', calls: [{ id: metaCallId }] } },
      success,
    ]);
    // before Meta answers our connect, its connect and RINGING webhooks are delivered and
    // processed: the call they name does not exist yet
    let processedEarly = false;
    meta?.beforeReply(async (request) => {
      if (!request.body.includes('"action":"connect"')) return;
      const connect = whatsappOutboundConnect({
        phoneNumberId: ws.phoneNumberId,
        callId: metaCallId,
        to: CUSTOMER,
        sdp: answer,
      });
      const ringing = whatsappOutboundStatus({
        phoneNumberId: ws.phoneNumberId,
        callId: metaCallId,
        to: CUSTOMER,
        status: 'RINGING',
      });
      for (const body of [connect, ringing]) {
        expect((await stack().postWebhook(JSON.stringify(body))).status).toBe(200);
      }
      await stack().app.processor.idle();
      processedEarly = (await stack().app.repos.calls.liveCalls(ws.id)).length === 0;
    });
    const seen = recordEvents(agent.socket);

    try {
      const remote = nextEvent(agent.socket, 'call:remote-sdp');
      const ringing = nextEvent(agent.socket, 'call:updated', (view) => view.state === 'ringing');
      const ack = await command(agent.socket, 'call:dial', {
        channelId: ws.whatsappChannelId,
        to: `+${CUSTOMER}`,
        sdp: businessOffer(),
      });
      expect(processedEarly).toBe(true);
      expect(ack).toEqual({ ok: true, callId: expect.any(String) });
      const callId = ack.ok ? ack.callId : '';

      // nothing was lost: Meta's answer reaches the browser, fixed to active, and the call rings
      const delivered = await remote;
      expect(delivered).toEqual({
        callId,
        sdpType: 'answer',
        sdp: answer.replace('a=setup:actpass', 'a=setup:active'),
      });
      expect(await ringing).toMatchObject({ id: callId, direction: 'outbound' });
      expect(seen.of('call:updated').map((view) => view.state)).toEqual(['dialing', 'ringing']);
      const detail = await stack().app.repos.calls.getCall(ws.id, callId);
      expect(detail?.call.state).toBe('outbound-ringing');
      // (the timeline orders by when things happened: Meta's times are whole seconds)
      expect(detail?.events.map((e) => e.kind).sort()).toEqual([
        'agent.dial',
        'webhook.outbound-progress',
        'webhook.outbound-progress',
      ]);

      // the customer picks up; the agent hangs up later: completed, and Meta is told
      const active = nextEvent(agent.socket, 'call:updated', (view) => view.state === 'active');
      const accepted = whatsappOutboundStatus({
        phoneNumberId: ws.phoneNumberId,
        callId: metaCallId,
        to: CUSTOMER,
        status: 'ACCEPTED',
      });
      expect((await stack().postWebhook(JSON.stringify(accepted))).status).toBe(200);
      await active;
      const ended = nextEvent(agent.socket, 'call:ended');
      expect(await command(agent.socket, 'call:hangup', { callId })).toEqual({ ok: true });
      expect(await ended).toEqual({ callId, outcome: 'completed' });
    } finally {
      meta?.beforeReply(undefined);
    }
  });
});
