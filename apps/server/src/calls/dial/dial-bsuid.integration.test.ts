import { afterAll, describe, expect, it } from 'vitest';
import { businessOffer } from '../../testing/business-sdp';
import {
  newWhatsAppCallId,
  whatsappOutboundConnect,
  whatsappOutboundStatus,
} from '../../testing/meta-payloads';
import { startScriptedHttp, type ScriptedHttp } from '../../testing/scripted-http';
import { command, nextEvent, useStack } from '../../testing/test-stack';

// *Business-scoped user IDs*: a customer known by username only is called by BSUID, which Meta
// takes as `recipient` (connect, call_permissions); its webhooks then name them by to_user_id
// and recipient_user_id, with no phone. A scripted Meta, as the simulator's permission look-up
// takes a user_wa_id only.
let meta: ScriptedHttp | undefined;
const stack = useStack(async () => {
  meta = await startScriptedHttp([]);
  return { graphBaseUrl: meta.url };
});
afterAll(() => meta?.close());

const BSUID = 'IN.13491208655302741918';
const permitted = {
  status: 200,
  body: {
    permission: { status: 'temporary', expiration_time: 1_900_000_000 },
    actions: [
      { action_name: 'send_call_permission_request', can_perform_action: true, limits: [] },
      { action_name: 'start_call', can_perform_action: true, limits: [] },
    ],
  },
};

/** a webhook body with the phone taken out and the BSUID put where Meta puts it */
function byBsuid(body: ReturnType<typeof whatsappOutboundConnect>) {
  const value = body['entry'][0]['changes'][0]['value'];
  for (const contact of value['contacts'] ?? []) {
    delete contact['wa_id'];
    contact['user_id'] = BSUID;
  }
  for (const call of value['calls'] ?? []) {
    delete call['to'];
    call['to_user_id'] = BSUID;
  }
  for (const status of value['statuses'] ?? []) {
    delete status['recipient_id'];
    status['recipient_user_id'] = BSUID;
  }
  return body;
}

describe('calling back a customer Meta sent no number for', () => {
  it('asks Meta by `recipient`, connects to `recipient`, and follows the call Meta reports by BSUID', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const metaCallId = newWhatsAppCallId();
    // meta's bare success replies, as its call-flow examples show them
    meta?.script([
      permitted,
      { status: 200, body: { calls: [{ id: metaCallId }] } },
      { status: 200, body: { success: true } },
    ]);
    const before = meta?.requests.length ?? 0;

    const ack = await command(agent.socket, 'call:dial', {
      channelId: ws.whatsappChannelId,
      to: BSUID,
      sdp: businessOffer(),
    });
    expect(ack).toEqual({ ok: true, callId: expect.any(String) });
    const callId = ack.ok ? ack.callId : '';

    const [lookUp, connect] = (meta?.requests ?? []).slice(before);
    expect(lookUp?.url).toMatch(/\/call_permissions\?recipient=IN\.13491208655302741918$/);
    const sent = JSON.parse(connect?.body ?? '{}') as Record<string, unknown>;
    expect(sent).toMatchObject({ action: 'connect', recipient: BSUID });
    expect(sent).not.toHaveProperty('to');

    const ringing = nextEvent(agent.socket, 'call:updated', (view) => view.state === 'ringing');
    const target = { phoneNumberId: ws.phoneNumberId, callId: metaCallId, to: BSUID };
    for (const body of [
      byBsuid(whatsappOutboundConnect(target)),
      byBsuid(whatsappOutboundStatus({ ...target, status: 'RINGING' })),
    ]) {
      expect((await stack().postWebhook(JSON.stringify(body))).status).toBe(200);
    }
    const view = await ringing;
    expect(view.caller).toEqual({ userId: BSUID });

    const active = nextEvent(agent.socket, 'call:updated', (v) => v.state === 'active');
    const accepted = byBsuid(whatsappOutboundStatus({ ...target, status: 'ACCEPTED' }));
    expect((await stack().postWebhook(JSON.stringify(accepted))).status).toBe(200);
    await active;
    const ended = nextEvent(agent.socket, 'call:ended');
    expect(await command(agent.socket, 'call:hangup', { callId })).toEqual({ ok: true });
    expect(await ended).toEqual({ callId, outcome: 'completed' });

    const page = await stack().app.repos.calls.listCalls(ws.id, { q: BSUID });
    expect(page.ok && page.items).toMatchObject([
      { id: callId, metaCallId, callerId: BSUID, callerUserId: BSUID, outcome: 'completed' },
    ]);
  });
});
