import { describe, expect, it } from 'vitest';
import { businessOffer } from '../../testing/business-sdp';
import {
  command,
  nextEvent,
  recordEvents,
  useStack,
  waitUntil,
  type ConsoleSocket,
} from '../../testing/test-stack';

// the callee picks up (or refuses) quickly; our no-pickup timer is short so "never picks up"
// ends within a test, and Meta's own ring time (45 s) never comes first; Meta answers with
// a=setup:actpass, as it has been seen doing
const NO_PICKUP_MS = 2_000;
const stack = useStack({
  noPickupMs: NO_PICKUP_MS,
  sim: {
    callee: { answer: 'accept', pickupDelayMs: 300 },
    permissionReply: { response: 'accept', delayMs: 300 },
    quirks: { actpassInAnswer: true },
  },
});

let customers = 0;
/** a customer of this test file who allowed calls from the workspace's number */
function allowedCustomer(phoneNumberId: string): { waId: string; typed: string } {
  customers += 1;
  const waId = `4477009001${String(customers).padStart(2, '0')}`;
  stack().sim.setPermission({ businessId: phoneNumberId, userId: waId, status: 'temporary' });
  return { waId, typed: `+44 7700 9001${String(customers).padStart(2, '0')}` };
}

async function dial(socket: ConsoleSocket, channelId: string, to: string) {
  const ack = await command(socket, 'call:dial', { channelId, to, sdp: businessOffer() });
  if (!ack.ok) throw new Error(`dial refused: ${ack.error.code} ${ack.error.message}`);
  return ack;
}

describe('calling a customer on WhatsApp', () => {
  it('connects with the browser’s offer, hands Meta’s answer to the agent, goes active when they pick up, and completes on hang-up', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent('Asha');
    const supervisor = await ws.addUser('supervisor');
    const board = await stack().connect(supervisor.email);
    const boardSaw = recordEvents(board);
    const customer = allowedCustomer(ws.phoneNumberId);
    const seen = recordEvents(agent.socket);
    const offer = businessOffer();

    const remote = nextEvent(agent.socket, 'call:remote-sdp');
    const active = nextEvent(agent.socket, 'call:updated', (view) => view.state === 'active');
    const ack = await command(agent.socket, 'call:dial', {
      channelId: ws.whatsappChannelId,
      to: customer.typed,
      sdp: offer,
    });
    expect(ack).toEqual({ ok: true, callId: expect.any(String) });
    const callId = ack.ok ? ack.callId : '';

    // meta got the browser's offer, byte for byte, for the customer's WhatsApp id
    const [connect] = stack().sim.requests({ objectId: ws.phoneNumberId, action: 'connect' });
    expect(connect?.body).toMatchObject({
      to: customer.waId,
      session: { sdp_type: 'offer', sdp: offer },
    });
    // the call is the agent's at once: dialing, outbound, the customer's E.164 number
    expect(seen.of('call:updated')[0]).toMatchObject({
      id: callId,
      channel: 'whatsapp',
      direction: 'outbound',
      state: 'dialing',
      agent: { userId: agent.id, name: 'Asha' },
      caller: { number: `+${customer.waId}` },
      called: { channelId: ws.whatsappChannelId },
    });

    // meta's answer said actpass: the browser gets active, which it accepts in an answer
    const answer = await remote;
    expect(answer).toMatchObject({ callId, sdpType: 'answer' });
    expect(answer.sdp).toMatch(/^v=0/);
    expect(answer.sdp).toContain('a=setup:active');
    expect(answer.sdp).not.toContain('actpass');

    expect(await active).toMatchObject({ id: callId, direction: 'outbound', state: 'active' });
    await waitUntil('the agent shows busy on this call', () =>
      seen
        .of('agent:updated')
        .some((view) => view.status === 'busy' && view.currentCallId === callId),
    );

    const ended = nextEvent(agent.socket, 'call:ended');
    expect(await command(agent.socket, 'call:hangup', { callId })).toEqual({ ok: true });
    expect(await ended).toEqual({ callId, outcome: 'completed' });
    const metaCallId = connect?.callId ?? '';
    const requests = await stack().graphRequests(metaCallId, 2);
    expect(requests.map((r) => r.action)).toEqual(['connect', 'terminate']);
    await waitUntil(
      'the agent is available again',
      () => seen.of('agent:updated').at(-1)?.status === 'available',
    );

    // the board followed the call through, and the call log has it as outbound
    const boardStates = () =>
      boardSaw
        .of('call:updated')
        .filter((view) => view.id === callId)
        .map((view) => view.state);
    await waitUntil('the board sees the call end', () => boardStates().includes('ended'));
    expect(boardStates()).toEqual(['dialing', 'ringing', 'active', 'ended']);
    const detail = await stack().app.repos.calls.getCall(ws.id, callId);
    expect(detail?.call).toMatchObject({
      direction: 'outbound',
      state: 'ended',
      outcome: 'completed',
      agentId: agent.id,
      callerId: customer.waId,
    });
    expect(detail?.events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['agent.dial', 'webhook.outbound-progress', 'agent.hangup']),
    );
  });

  it('ends rejected when the customer refuses, and the agent is free again', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const customer = allowedCustomer(ws.phoneNumberId);
    stack().sim.setCallee(customer.waId, { answer: 'reject', pickupDelayMs: 100 });
    const seen = recordEvents(agent.socket);

    const ended = nextEvent(agent.socket, 'call:ended');
    const { callId } = await dial(agent.socket, ws.whatsappChannelId, customer.typed);
    expect(await ended).toEqual({ callId, outcome: 'rejected' });
    await waitUntil(
      'the agent is available again',
      () => seen.of('agent:updated').at(-1)?.status === 'available',
    );
    // a refused call needs no terminate from us
    const detail = await stack().app.repos.calls.getCall(ws.id, callId);
    const metaCallId = detail?.call.metaCallId ?? '';
    await stack().settled();
    expect(
      stack()
        .sim.requests({ callId: metaCallId })
        .map((r) => r.action),
    ).toEqual(['connect']);
  });

  it('ends no-answer and terminates at Meta when the customer never picks up', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const customer = allowedCustomer(ws.phoneNumberId);
    stack().sim.setCallee(customer.waId, { answer: 'none' });

    const ringing = nextEvent(agent.socket, 'call:updated', (view) => view.state === 'ringing');
    const ended = nextEvent(agent.socket, 'call:ended', () => true, NO_PICKUP_MS + 10_000);
    const started = Date.now();
    const { callId } = await dial(agent.socket, ws.whatsappChannelId, customer.typed);
    // RINGING: the customer's phone rings (an outbound call ringing reads as ringing)
    expect(await ringing).toMatchObject({ id: callId, direction: 'outbound' });
    expect(await ended).toEqual({ callId, outcome: 'no-answer' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(NO_PICKUP_MS - 100);
    const metaCallId = (await stack().app.repos.calls.getCall(ws.id, callId))?.call.metaCallId;
    const requests = await stack().graphRequests(metaCallId ?? '', 2);
    expect(requests.map((r) => r.action)).toEqual(['connect', 'terminate']);
  });

  it('the agent giving up while it rings terminates the call: no-answer', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const customer = allowedCustomer(ws.phoneNumberId);
    stack().sim.setCallee(customer.waId, { answer: 'none' });

    const ringing = nextEvent(agent.socket, 'call:updated', (view) => view.state === 'ringing');
    const { callId } = await dial(agent.socket, ws.whatsappChannelId, customer.typed);
    await ringing;
    const ended = nextEvent(agent.socket, 'call:ended');
    expect(await command(agent.socket, 'call:hangup', { callId })).toEqual({ ok: true });
    expect(await ended).toEqual({ callId, outcome: 'no-answer' });
    const metaCallId = (await stack().app.repos.calls.getCall(ws.id, callId))?.call.metaCallId;
    const [terminate] = (await stack().graphRequests(metaCallId ?? '', 2)).slice(1);
    expect(terminate).toMatchObject({ action: 'terminate', status: 200 });
  });

  it('an agent who is Away may call out, is busy meanwhile, and is Away again after', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    expect(await command(agent.socket, 'agent:set-status', { status: 'away' })).toEqual({
      ok: true,
    });
    const customer = allowedCustomer(ws.phoneNumberId);
    stack().sim.setCallee(customer.waId, { answer: 'reject', pickupDelayMs: 300 });
    const seen = recordEvents(agent.socket);

    const ended = nextEvent(agent.socket, 'call:ended');
    const { callId } = await dial(agent.socket, ws.whatsappChannelId, customer.typed);
    await ended;
    await waitUntil(
      'the agent is away again',
      () => seen.of('agent:updated').at(-1)?.status === 'away',
    );
    const statuses = seen.of('agent:updated').map((view) => view.status);
    expect(statuses).toContain('busy');
    expect(statuses).not.toContain('available');
    expect((await stack().app.repos.calls.getCall(ws.id, callId))?.call.outcome).toBe('rejected');
  });

  it('a console that reconnects mid-call gets its outbound call back', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const customer = allowedCustomer(ws.phoneNumberId);
    stack().sim.setCallee(customer.waId, { answer: 'none' });
    const ringing = nextEvent(agent.socket, 'call:updated', (view) => view.state === 'ringing');
    const { callId } = await dial(agent.socket, ws.whatsappChannelId, customer.typed);
    await ringing;

    agent.socket.disconnect();
    const seen = recordEvents(agent.socket);
    await new Promise<void>((resolve) => {
      agent.socket.once('connect', () => resolve());
      agent.socket.connect();
    });
    await waitUntil('the missed state arrives', () =>
      seen.of('call:updated').some((view) => view.id === callId),
    );
    expect(seen.of('call:updated').find((view) => view.id === callId)).toMatchObject({
      direction: 'outbound',
      state: 'ringing',
      agent: { userId: agent.id },
    });
    // still busy: a reconnect does not make an agent who is calling out available
    await waitUntil('the agent shows busy', () =>
      seen.of('agent:updated').some((view) => view.status === 'busy'),
    );
    await command(agent.socket, 'call:hangup', { callId });
  });

  it('without permission, sends one permission request and no call; once they accept, the call goes through', async () => {
    const ws = await stack().workspace('Acme Support');
    const agent = await ws.agent();
    const waId = '447700900999';
    const seen = recordEvents(agent.socket);
    const permissionRequests = () =>
      stack().sim.requests({ objectId: ws.phoneNumberId, edge: 'messages', ok: true });

    const first = await command(agent.socket, 'call:dial', {
      channelId: ws.whatsappChannelId,
      to: '+44 7700 900999',
      sdp: businessOffer(),
    });
    expect(first).toEqual({
      ok: false,
      error: {
        code: 'permission_requested',
        message: 'We asked +447700900999 to allow calls; try again once they accept.',
      },
    });
    expect(permissionRequests()).toHaveLength(1);
    // a customer who never wrote or called: the number's approved template, as WhatsApp requires
    expect(permissionRequests()[0]?.body).toMatchObject({
      to: waId,
      type: 'template',
      template: { name: 'call_permission_request', language: { code: 'en' } },
    });

    // tried again at once: Meta's limits say a request went out today, so none goes again
    const again = await command(agent.socket, 'call:dial', {
      channelId: ws.whatsappChannelId,
      to: '+44 7700 900999',
      sdp: businessOffer(),
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'permission_requested' } });
    expect(!again.ok && again.error.message).toMatch(/already asked \+447700900999/);
    expect(permissionRequests()).toHaveLength(1);
    expect(stack().sim.requests({ objectId: ws.phoneNumberId, action: 'connect' })).toEqual([]);
    expect(seen.of('agent:updated').map((view) => view.status)).not.toContain('busy');

    // the customer taps "allow": the next dial places the call
    await waitUntil(
      'the customer allowed calls',
      () => stack().sim.deliveries({ kind: 'permission_reply' }).length > 0,
    );
    const placed = await dial(agent.socket, ws.whatsappChannelId, '+44 7700 900999');
    expect(placed.callId).toEqual(expect.any(String));
    expect(
      stack().sim.requests({ objectId: ws.phoneNumberId, action: 'connect', ok: true }),
    ).toHaveLength(1);
    await command(agent.socket, 'call:hangup', { callId: placed.callId });
  });

  it('after a restart, an outbound call nobody picked up still ends no-answer', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    // a call dialed by the last process, which stopped before its no-pickup timer fired
    const metaCallId = `wacid.restart-${Date.now()}`;
    const row = await stack().app.repos.calls.withCallLock(metaCallId, (_current, tx) =>
      stack().app.repos.calls.saveCall(tx, {
        workspaceId: ws.id,
        channelId: ws.whatsappChannelId,
        model: {
          state: 'outbound-ringing',
          id: metaCallId,
          channel: 'whatsapp',
          direction: 'outbound',
          endpointId: ws.phoneNumberId,
          caller: { id: '15550100100' },
          called: { id: '447700900777' },
          mediaVersion: 0,
          appliedKeys: [],
          agentId: agent.id,
          dialedAt: Date.now() - NO_PICKUP_MS - 1_000,
          ringingAt: Date.now() - NO_PICKUP_MS,
        },
      }),
    );

    const ended = nextEvent(agent.socket, 'call:ended', (end) => end.callId === row.id);
    await stack().app.calls.recoverTimers();
    expect(await ended).toEqual({ callId: row.id, outcome: 'no-answer' });
    // and meta is told to stop ringing the customer
    const [terminate] = await stack().graphRequests(metaCallId);
    expect(terminate?.action).toBe('terminate');
  });
});
