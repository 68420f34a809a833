import { describe, expect, it } from 'vitest';
import { businessAnswerFor, businessOffer } from '../testing/business-sdp';
import {
  command,
  nextEvent,
  recordEvents,
  useStack,
  type ConsoleSocket,
  type TestWorkspace,
} from '../testing/test-stack';

const stack = useStack();

/** a console signed in as a new user of `role`, recording everything from its first packet */
async function listening(ws: TestWorkspace, role: 'agent' | 'supervisor' | 'admin') {
  const user = await ws.addUser(role);
  let seen: ReturnType<typeof recordEvents> | undefined;
  const socket: ConsoleSocket = await stack().connect(user.email, {
    beforeConnect: (s) => (seen = recordEvents(s)),
  });
  if (!seen) throw new Error('no recorder');
  return { user, socket, seen };
}

describe('channel access tokens never leave the server', () => {
  it('appear in no socket payload, REST response or log line during full calls', async () => {
    const ws = await stack().workspace();
    const logsFrom = stack().logs.length;
    const agent = await listening(ws, 'agent');
    const supervisor = await listening(ws, 'supervisor');
    const admin = await listening(ws, 'admin');
    await command(agent.socket, 'agent:set-status', { status: 'available' });

    // whatsapp: answered, talked, hung up by the agent
    let ringing = nextEvent(agent.socket, 'call:ringing');
    const wa = await stack().sim.placeCall({
      channel: 'whatsapp',
      name: 'Rahul',
      to: ws.phoneNumberId,
    });
    let ring = await ringing;
    await command(agent.socket, 'call:accept', { callId: ring.callId });
    await command(agent.socket, 'call:answer', {
      callId: ring.callId,
      sdp: businessAnswerFor(ring.sdpOffer ?? ''),
    });
    await wa.waitFor('accepted');
    await command(agent.socket, 'call:quality', {
      callId: ring.callId,
      rttMs: 80,
      jitterMs: 4,
      lossPct: 0,
      mos: 4.3,
    });
    await command(agent.socket, 'call:hangup', { callId: ring.callId });
    const waCallId = ring.callId;

    // messenger: answered, then the caller hangs up
    ringing = nextEvent(agent.socket, 'call:ringing');
    const msgr = await stack().sim.placeCall({ channel: 'messenger', to: ws.pageId });
    ring = await ringing;
    await command(agent.socket, 'call:accept', { callId: ring.callId });
    const answer = await command(agent.socket, 'call:answer', {
      callId: ring.callId,
      sdp: businessOffer(),
    });
    expect(answer.ok).toBe(true);
    await msgr.waitFor('accepted');
    const ended = nextEvent(agent.socket, 'call:ended');
    await msgr.hangUp();
    await ended;
    await stack().settled();

    // the tokens were really used: Meta (the simulator) accepted every request they signed
    const used = stack()
      .sim.requests()
      .filter((r) => [wa.id, msgr.id].includes(r.callId ?? ''));
    expect(used.map((r) => r.status)).toEqual(used.map(() => 200));
    expect(used.map((r) => r.action)).toEqual(
      expect.arrayContaining(['pre_accept', 'accept', 'terminate']),
    );

    const adminCookie = await stack().signIn(admin.user.email);
    const supervisorCookie = await stack().signIn(supervisor.user.email);
    const rest: string[] = [];
    for (const [cookie, path] of [
      [supervisorCookie, '/api/me'],
      [supervisorCookie, '/api/calls'],
      [supervisorCookie, `/api/calls/${waCallId}`],
      [supervisorCookie, `/api/calls/${ring.callId}`],
      [supervisorCookie, '/api/calls/export.csv'],
      [adminCookie, '/api/admin/channels'],
      [adminCookie, `/api/admin/channels/${ws.whatsappChannelId}`],
      [adminCookie, `/api/admin/channels/${ws.messengerChannelId}`],
    ] as const) {
      const res = await stack().request(cookie, path);
      expect(res.status, path).toBe(200);
      rest.push(await res.text());
    }
    rest.push(await (await fetch(`${stack().url}/metrics`)).text());

    const sockets = [agent, supervisor, admin].map((c) => JSON.stringify(c.seen.events));
    expect(sockets.every((s) => s.includes(waCallId))).toBe(true);
    const logs = stack().logs.slice(logsFrom);
    expect(logs.length).toBeGreaterThan(10);
    for (const token of ws.accessTokens) {
      expect(token.length).toBeGreaterThan(10);
      for (const text of [...sockets, ...rest, ...logs]) expect(text).not.toContain(token);
    }
  });
});
