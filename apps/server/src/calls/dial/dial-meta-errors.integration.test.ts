import { describeMetaError } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { businessOffer } from '../../testing/business-sdp';
import { command, useStack } from '../../testing/test-stack';

// meta's refusals at the HTTP statuses Meta gives them (Troubleshooting page), from the
// simulator's fault queue: what the agent is told, and whether the server tried again

const stack = useStack({ sim: { callee: { answer: 'none' } } });
const CUSTOMER = '447700900131';

async function dial(channelId: string, socket: Parameters<typeof command>[0]) {
  return command(socket, 'call:dial', { channelId, to: `+${CUSTOMER}`, sdp: businessOffer() });
}

describe('Meta refusing a dial', () => {
  it('138007 (HTTP 500) is not tried again: the agent reads what it means, nothing was placed', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    stack().sim.setPermission({
      businessId: ws.phoneNumberId,
      userId: CUSTOMER,
      status: 'permanent',
    });
    stack().sim.failNextRequest({ code: 138007, edge: 'calls', action: 'connect' });

    expect(await dial(ws.whatsappChannelId, agent.socket)).toEqual({
      ok: false,
      error: { code: 'meta_error', message: describeMetaError(138007).meaning },
    });
    const connects = stack().sim.requests({ objectId: ws.phoneNumberId, action: 'connect' });
    expect(connects.map((r) => [r.status, r.errorCode])).toEqual([[500, 138007]]);
    expect(
      stack()
        .sim.calls()
        .filter((c) => c.userId === CUSTOMER),
    ).toEqual([]);
  });

  it('138006 at HTTP 401 reads as a missing permission, not as a bad access token', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    stack().sim.setPermission({
      businessId: ws.phoneNumberId,
      userId: CUSTOMER,
      status: 'permanent',
    });
    stack().sim.failNextRequest({ code: 138006, edge: 'calls', action: 'connect' });

    const ack = await dial(ws.whatsappChannelId, agent.socket);
    expect(ack).toEqual({
      ok: false,
      error: { code: 'meta_error', message: describeMetaError(138006).meaning },
    });
    expect(stack().sim.requests({ objectId: ws.phoneNumberId, action: 'connect' })).toHaveLength(1);
  });

  it('613 on the permission look-up (HTTP 429) is tried again, and the call goes ahead', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    stack().sim.setPermission({
      businessId: ws.phoneNumberId,
      userId: CUSTOMER,
      status: 'permanent',
    });
    stack().sim.failNextRequest({ code: 613, edge: 'call_permissions' });

    const ack = await dial(ws.whatsappChannelId, agent.socket);
    expect(ack).toEqual({ ok: true, callId: expect.any(String) });
    const lookups = stack().sim.requests({ objectId: ws.phoneNumberId, edge: 'call_permissions' });
    expect(lookups.map((r) => r.status)).toEqual([429, 200]);
    if (ack.ok) await command(agent.socket, 'call:hangup', { callId: ack.callId });
  });
});
