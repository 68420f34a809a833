import { describe, expect, it } from 'vitest';
import { newWhatsAppCallId, whatsappConnect } from '../testing/meta-payloads';
import { command, recordEvents, useStack, waitUntil } from '../testing/test-stack';

const stack = useStack({ ghostSweep: { periodMs: 100 } });

describe('consoles left counted by a server that died', () => {
  it('after a crash the agent is offline, is not offered calls, and is back once their console is', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent('Ghost');
    const other = await ws.agent('Present');
    // what a crash leaves: nobody ran the disconnects, so the database still counts the consoles
    await stack().restart(async () => {
      const presence = stack().app.repos.presence;
      const now = new Date();
      for (const userId of [agent.id, other.id]) {
        await presence.connectionOpened(userId, ws.id, now);
        await presence.setPresence(userId, ws.id, 'available', now);
      }
    });
    // the new server corrected the counts before it took its first request
    for (const userId of [agent.id, other.id]) {
      expect(await stack().app.repos.presence.getPresence(ws.id, userId)).toMatchObject({
        status: 'offline',
        connections: 0,
      });
    }

    // one agent's console comes back: only they are rung
    const back = await stack().connect(other.email);
    const seen = recordEvents(back);
    expect(await command(back, 'agent:set-status', { status: 'available' })).toEqual({ ok: true });
    const callId = newWhatsAppCallId();
    const body = whatsappConnect({ phoneNumberId: ws.phoneNumberId, callId });
    expect((await stack().postWebhook(JSON.stringify(body))).status).toBe(200);
    await waitUntil('the present agent rings', () => seen.of('call:ringing').length > 0);
    const stored = await stack().app.repos.calls.getCallByMetaId(ws.id, callId);
    expect(stored?.model).toMatchObject({ state: 'ringing', agentsOffered: [other.id] });
  });

  it('a count the database holds above the consoles connected is put right by the sweep', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent('Twice');
    const presence = stack().app.repos.presence;
    // a second console of theirs was on a server that died: counted, never closed
    await presence.connectionOpened(agent.id, ws.id, new Date());
    expect(await presence.getPresence(ws.id, agent.id)).toMatchObject({ connections: 2 });
    await waitUntil('the count is put right', async () => {
      const row = await presence.getPresence(ws.id, agent.id);
      return row?.connections === 1;
    });
    // still connected, still available
    expect(await presence.getPresence(ws.id, agent.id)).toMatchObject({ status: 'available' });
  });
});
