import { afterAll, describe, expect, it } from 'vitest';
import { businessOffer } from '../testing/business-sdp';
import { messengerConnect, newMessengerCallId } from '../testing/meta-payloads';
import { startScriptedHttp, type ScriptedHttp } from '../testing/scripted-http';
import { command, nextEvent, useStack } from '../testing/test-stack';

// a scripted Meta: the simulator's accept never asks to renegotiate
let meta: ScriptedHttp | undefined;
const stack = useStack(async () => {
  meta = await startScriptedHttp([]);
  return { graphBaseUrl: meta.url };
});
afterAll(() => meta?.close());

const answerSdp = 'v=0\r\no=- 4611 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=answer-from-meta\r\n';
const reofferSdp = 'v=0\r\no=- 4611 3 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=offer-from-meta\r\n';

describe('Messenger accept with a renegotiation offer from Meta', () => {
  it('hands the agent Meta’s answer and its new offer, and the call goes active', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    meta?.script([
      {
        status: 200,
        body: {
          success: true,
          session: {
            sdp_response: { sdp_type: 'answer', sdp: answerSdp },
            sdp_renegotiation: { sdp_type: 'offer', sdp: reofferSdp },
          },
        },
      },
    ]);
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const callId = newMessengerCallId();
    const connect = messengerConnect({ pageId: ws.pageId, callId });
    expect((await stack().postWebhook(JSON.stringify(connect))).status).toBe(200);
    const ring = await ringing;
    expect(await command(agent.socket, 'call:accept', { callId: ring.callId })).toEqual({
      ok: true,
    });
    const before = meta?.requests.length ?? 0;
    const offer = businessOffer();
    const active = nextEvent(agent.socket, 'call:updated', (view) => view.state === 'active');

    const ack = await command(agent.socket, 'call:answer', { callId: ring.callId, sdp: offer });
    // the console applies Meta's answer, then its new offer (MessengerCallSession)
    expect(ack).toEqual({ ok: true, sdpResponse: answerSdp, sdpRenegotiation: reofferSdp });
    // Meta heard one accept, carrying the browser's offer
    const sent = (meta?.requests ?? [])
      .slice(before)
      .map((r) => JSON.parse(r.body) as { action: string; call_id: string; session: unknown });
    expect(sent).toEqual([
      {
        platform: 'messenger',
        action: 'accept',
        call_id: callId,
        session: { sdp_type: 'offer', sdp: offer },
      },
    ]);
    await active;
    const detail = await stack().app.repos.calls.getCall(ws.id, ring.callId);
    expect(detail?.call).toMatchObject({ state: 'active', agentId: agent.id });
    // SDPs stay out of the timeline (they carry ICE credentials)
    expect(JSON.stringify(detail?.events)).not.toContain('offer-from-meta');
  });
});
