import type { AuditPageReply } from '@ringside/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { describe, expect, it } from 'vitest';
import { businessOffer } from '../../testing/business-sdp';
import { command, useStack } from '../../testing/test-stack';

const stack = useStack({ limits: { permissionRequestsPerHour: 2 } });

describe('call permission requests', () => {
  it('are audited naming agent and customer, and refused past the hourly limit with nothing sent', async () => {
    const ws = await stack().workspace('Acme Support');
    const agent = await ws.agent('Dana Dialer');
    const sent = () =>
      stack().sim.requests({ objectId: ws.phoneNumberId, edge: 'messages', ok: true });
    const dial = (to: string) =>
      command(agent.socket, 'call:dial', {
        channelId: ws.whatsappChannelId,
        to,
        sdp: businessOffer(),
      });

    // two strangers: each is asked for permission
    for (const to of ['+44 7700 900501', '+44 7700 900502']) {
      expect(await dial(to)).toMatchObject({
        ok: false,
        error: { code: 'permission_requested' },
      });
    }
    expect(sent()).toHaveLength(2);

    // a third stranger within the hour: refused before anything reaches Meta or the customer
    expect(await dial('+44 7700 900503')).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: expect.stringContaining('2 call permission') },
    });
    expect(sent()).toHaveLength(2);

    const admin = await ws.addUser('admin');
    const res = await stack().request(await stack().signIn(admin.email), '/api/admin/audit');
    const audit = (await res.json()) as AuditPageReply;
    const requests = audit.items.filter((e) => e.action === 'call.permission_request');
    expect(requests.map((e) => [e.actor.userId, e.actor.name, e.target.label])).toEqual([
      [agent.id, 'Dana Dialer', '+447700900502'],
      [agent.id, 'Dana Dialer', '+447700900501'],
    ]);
    expect(requests[0]?.actor.email).toBe(agent.email);
    expect(requests[0]?.target).toMatchObject({ type: 'customer', id: '447700900502' });
    expect(requests[0]?.changes).toMatchObject({ channelId: ws.whatsappChannelId });

    // an hour on, the agent may ask again
    await stack()
      .database.db.update(auditLog)
      .set({ occurredAt: sql`now() - interval '61 minutes'` })
      .where(and(eq(auditLog.workspaceId, ws.id), eq(auditLog.actorId, agent.id)));
    expect(await dial('+44 7700 900503')).toMatchObject({
      ok: false,
      error: { code: 'permission_requested' },
    });
    expect(sent()).toHaveLength(3);
  });
});
