import { afterAll, describe, expect, it } from 'vitest';
import { businessAnswerFor, businessOffer } from '../testing/business-sdp';
import {
  messengerConnect,
  newMessengerCallId,
  newWhatsAppCallId,
  whatsappConnect,
} from '../testing/meta-payloads';
import { startScriptedHttp, type ScriptedHttp } from '../testing/scripted-http';
import { command, nextEvent, useStack } from '../testing/test-stack';

// a scripted Meta: each test says how the Graph API answers, in order
let meta: ScriptedHttp | undefined;
const stack = useStack(async () => {
  meta = await startScriptedHttp([]);
  return { graphBaseUrl: meta.url };
});
afterAll(() => meta?.close());

const success = { status: 200, body: { messaging_product: 'whatsapp', success: true } };
const unavailable = {
  status: 503,
  body: {
    error: {
      message: 'Service temporarily unavailable',
      type: 'OAuthException',
      code: 2,
      fbtrace_id: 'AbC1',
    },
  },
};

function sent() {
  return (meta?.requests ?? []).map(
    (r) => JSON.parse(r.body) as { action: string; call_id: string; session?: { sdp: string } },
  );
}

describe('Graph API failures that go away on their own', () => {
  it('retries a 5xx pre_accept, then accepts with the same SDP: the agent never notices', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const callId = newWhatsAppCallId();
    meta?.script([unavailable, { status: 500, body: {} }, success, success]);
    const before = meta?.requests.length ?? 0;

    const ringing = nextEvent(agent.socket, 'call:ringing');
    const connect = whatsappConnect({ phoneNumberId: ws.phoneNumberId, callId, name: 'Rahul' });
    expect((await stack().postWebhook(JSON.stringify(connect))).status).toBe(200);
    const ring = await ringing;
    expect(await command(agent.socket, 'call:accept', { callId: ring.callId })).toEqual({
      ok: true,
    });
    const answer = businessAnswerFor(ring.sdpOffer ?? '');
    const ack = await command(agent.socket, 'call:answer', { callId: ring.callId, sdp: answer });
    expect(ack).toEqual({ ok: true });

    const requests = sent().slice(before);
    expect(requests.map((r) => r.action)).toEqual([
      'pre_accept',
      'pre_accept',
      'pre_accept',
      'accept',
    ]);
    expect(new Set(requests.map((r) => r.session?.sdp))).toEqual(new Set([answer]));
    expect(requests.every((r) => r.call_id === callId)).toBe(true);
    const detail = await stack().app.repos.calls.getCall(ws.id, ring.callId);
    expect(detail?.call.state).toBe('active');

    const metrics = await (await fetch(`${stack().url}/metrics`)).text();
    expect(metrics).toMatch(
      /ringside_graph_errors_total\{operation="whatsapp.pre_accept",code="2"\} 1/,
    );
    // the bare 500 carried no error envelope: it counts by its HTTP status
    expect(metrics).toMatch(
      /ringside_graph_errors_total\{operation="whatsapp.pre_accept",code="http-500"\} 1/,
    );
  });

  it('a 138004 connection error is retried too; a Messenger accept then hands back Meta’s answer', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const answerSdp = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n';
    meta?.script([
      { status: 400, body: { error: { message: 'Connection error', code: 138004 } } },
      {
        status: 200,
        body: { success: true, session: { sdp_response: { sdp_type: 'answer', sdp: answerSdp } } },
      },
    ]);
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const connect = messengerConnect({ pageId: ws.pageId, callId: newMessengerCallId() });
    expect((await stack().postWebhook(JSON.stringify(connect))).status).toBe(200);
    const ring = await ringing;
    await command(agent.socket, 'call:accept', { callId: ring.callId });
    const before = meta?.requests.length ?? 0;
    const ack = await command(agent.socket, 'call:answer', {
      callId: ring.callId,
      sdp: businessOffer(),
    });
    expect(ack).toEqual({ ok: true, sdpResponse: answerSdp });
    expect(
      sent()
        .slice(before)
        .map((r) => r.action),
    ).toEqual(['accept', 'accept']);
  });
});
