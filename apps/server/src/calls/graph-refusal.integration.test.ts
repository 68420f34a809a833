import { callsPageReplySchema, describeMetaError } from '@ringside/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { businessAnswerFor, businessOffer } from '../testing/business-sdp';
import {
  messengerConnect,
  newMessengerCallId,
  newWhatsAppCallId,
  whatsappConnect,
  whatsappTerminate,
} from '../testing/meta-payloads';
import { startScriptedHttp, type ScriptedHttp } from '../testing/scripted-http';
import { command, nextEvent, useStack } from '../testing/test-stack';

// a scripted Meta that refuses what the agent's answer asks for
let meta: ScriptedHttp | undefined;
const stack = useStack(async () => {
  meta = await startScriptedHttp([]);
  return { graphBaseUrl: meta.url };
});
afterAll(() => meta?.close());

const refusal = (code: number, message: string) => ({
  status: 400,
  body: {
    error: {
      message,
      type: 'OAuthException',
      code,
      error_data: { details: message },
      fbtrace_id: 'Zx9',
    },
  },
});
const success = { status: 200, body: { messaging_product: 'whatsapp', success: true } };

function actions(from: number): string[] {
  return (meta?.requests ?? [])
    .slice(from)
    .map((r) => (JSON.parse(r.body) as { action: string }).action);
}

describe('Meta refuses to accept the call', () => {
  it('tells the agent what Meta means in plain words and ends the call failed', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const supervisor = await ws.addUser('supervisor');
    const board = await stack().connect(supervisor.email);
    meta?.script([refusal(138007, 'Connect timeout'), success]);
    const before = meta?.requests.length ?? 0;

    const ringing = nextEvent(agent.socket, 'call:ringing');
    const connect = whatsappConnect({
      phoneNumberId: ws.phoneNumberId,
      callId: newWhatsAppCallId(),
    });
    expect((await stack().postWebhook(JSON.stringify(connect))).status).toBe(200);
    const ring = await ringing;
    await command(agent.socket, 'call:accept', { callId: ring.callId });

    const meaning = describeMetaError(138007).meaning;
    const ended = nextEvent(agent.socket, 'call:ended');
    const boardEnded = nextEvent(board, 'call:ended');
    const ack = await command(agent.socket, 'call:answer', {
      callId: ring.callId,
      sdp: businessAnswerFor(ring.sdpOffer ?? ''),
    });
    expect(ack).toEqual({ ok: false, error: { code: 'meta_error', message: meaning } });
    expect(meaning).not.toMatch(/138007|OAuthException/);
    const end = { callId: ring.callId, outcome: 'failed', metaError: { code: 138007, meaning } };
    expect(await ended).toEqual(end);
    expect(await boardEnded).toEqual(end);

    // a refused pre_accept is not retried, and no accept follows; the caller is let go
    expect(actions(before)).toEqual(['pre_accept', 'reject']);
    const detail = await stack().app.repos.calls.getCall(ws.id, ring.callId);
    expect(detail?.call).toMatchObject({
      state: 'ended',
      outcome: 'failed',
      metaErrorCode: 138007,
    });
    expect(detail?.events.map((e) => e.kind)).toContain('graph.failed');
  });

  it('a refused Messenger accept reaches the agent the same way', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    meta?.script([refusal(100, 'Invalid parameter'), { status: 200, body: { success: true } }]);
    const before = meta?.requests.length ?? 0;
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const connect = messengerConnect({ pageId: ws.pageId, callId: newMessengerCallId() });
    expect((await stack().postWebhook(JSON.stringify(connect))).status).toBe(200);
    const ring = await ringing;
    await command(agent.socket, 'call:accept', { callId: ring.callId });

    const ack = await command(agent.socket, 'call:answer', {
      callId: ring.callId,
      sdp: businessOffer(),
    });
    expect(ack).toEqual({
      ok: false,
      error: { code: 'meta_error', message: describeMetaError(100).meaning },
    });
    expect(actions(before)).toEqual(['accept', 'reject']);
  });

  it('a second answer after the refusal is refused: the call is over', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    meta?.script([refusal(138007, 'Connect timeout'), success]);
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const connect = whatsappConnect({
      phoneNumberId: ws.phoneNumberId,
      callId: newWhatsAppCallId(),
    });
    await stack().postWebhook(JSON.stringify(connect));
    const ring = await ringing;
    await command(agent.socket, 'call:accept', { callId: ring.callId });
    const sdp = businessAnswerFor(ring.sdpOffer ?? '');
    await command(agent.socket, 'call:answer', { callId: ring.callId, sdp });
    expect(await command(agent.socket, 'call:answer', { callId: ring.callId, sdp })).toEqual({
      ok: false,
      error: { code: 'invalid_state', message: 'This call has already ended.' },
    });
  });

  it('a refusal because the caller had already hung up is corrected to missed when Meta’s terminate says so', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const supervisor = await ws.addUser('supervisor');
    const board = await stack().connect(supervisor.email);
    // the caller hung up just as the agent answered: Meta refuses the late pre_accept
    meta?.script([refusal(100, 'The call has already ended'), success]);
    const callId = newWhatsAppCallId();
    const ringing = nextEvent(agent.socket, 'call:ringing');
    await stack().postWebhook(
      JSON.stringify(whatsappConnect({ phoneNumberId: ws.phoneNumberId, callId })),
    );
    const ring = await ringing;
    await command(agent.socket, 'call:accept', { callId: ring.callId });
    const sdp = businessAnswerFor(ring.sdpOffer ?? '');
    expect(await command(agent.socket, 'call:answer', { callId: ring.callId, sdp })).toMatchObject({
      ok: false,
      error: { code: 'meta_error' },
    });
    expect((await stack().app.repos.calls.getCall(ws.id, ring.callId))?.call.outcome).toBe(
      'failed',
    );

    // Meta's terminate follows: nobody answered
    const corrected = nextEvent(
      board,
      'call:updated',
      (view) => view.id === ring.callId && view.outcome === 'missed',
    );
    const terminate = whatsappTerminate({ phoneNumberId: ws.phoneNumberId, callId });
    expect((await stack().postWebhook(JSON.stringify(terminate))).status).toBe(200);
    expect(await corrected).toMatchObject({ state: 'ended', outcome: 'missed' });
    const detail = await stack().app.repos.calls.getCall(ws.id, ring.callId);
    expect(detail?.call).toMatchObject({ outcome: 'missed', agentId: agent.id });
    // it is among the agent's missed calls to return
    const cookie = await stack().signIn(agent.email);
    const missed = await stack().request(cookie, '/api/calls?outcome=missed');
    const listed = callsPageReplySchema.parse(await missed.json());
    expect(listed.items.map((c) => c.id)).toContain(ring.callId);
  });

  it('a terminate that shows the call was answered elsewhere, or a refusal of another kind, changes nothing', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    meta?.script([refusal(138007, 'Connect timeout'), success]);
    const callId = newWhatsAppCallId();
    const ringing = nextEvent(agent.socket, 'call:ringing');
    await stack().postWebhook(
      JSON.stringify(whatsappConnect({ phoneNumberId: ws.phoneNumberId, callId })),
    );
    const ring = await ringing;
    await command(agent.socket, 'call:accept', { callId: ring.callId });
    const sdp = businessAnswerFor(ring.sdpOffer ?? '');
    await command(agent.socket, 'call:answer', { callId: ring.callId, sdp });
    const failedTerminate = whatsappTerminate({ phoneNumberId: ws.phoneNumberId, callId });
    const call = failedTerminate['entry'][0]['changes'][0]['value']['calls'][0];
    call['status'] = 'FAILED';
    await stack().postWebhook(JSON.stringify(failedTerminate));
    await stack().settled();
    expect((await stack().app.repos.calls.getCall(ws.id, ring.callId))?.call.outcome).toBe(
      'failed',
    );
  });
});
