import { doctorReportSchema, type DoctorReport } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { useStack } from '../testing/test-stack';

const stack = useStack();

async function workspaceWith(role: 'admin' | 'supervisor' | 'agent') {
  const ws = await stack().workspace();
  const user = await ws.addUser(role);
  return { ws, cookie: await stack().signIn(user.email) };
}

const statusOf = (report: DoctorReport, id: string, kind?: 'whatsapp' | 'messenger') =>
  report.checks.find((c) => c.id === id && c.channel?.kind === kind)?.status;

describe('GET /api/admin/doctor', () => {
  it('checks the admin’s own channels with Meta and the installation; tokens never shown', async () => {
    const { ws, cookie } = await workspaceWith('admin');
    const res = await stack().request(cookie, '/api/admin/doctor');
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const token of ws.accessTokens) expect(text).not.toContain(token);
    const report = doctorReportSchema.parse(JSON.parse(text));
    const channelIds = new Set(report.checks.flatMap((c) => c.channel?.id ?? []));
    expect([...channelIds].sort()).toEqual([ws.whatsappChannelId, ws.messengerChannelId].sort());
    const channelChecks = report.checks.filter((c) => c.channel !== null);
    expect(channelChecks.filter((c) => c.status !== 'ok')).toEqual([]);
    expect(channelChecks).toHaveLength(11);
    // the test server has no TURN and an http origin: warnings, which alone let calls flow
    expect([statusOf(report, 'turn'), statusOf(report, 'public-origin')]).toEqual(['warn', 'warn']);
  });

  it('a Page whose calls ring in Meta’s apps fails its check, and calls cannot flow', async () => {
    const { ws, cookie } = await workspaceWith('admin');
    stack().sim.setMessengerRingTarget('META', ws.pageId);
    const report = doctorReportSchema.parse(
      await (await stack().request(cookie, '/api/admin/doctor')).json(),
    );
    expect(report.callsCanFlow).toBe(false);
    expect(report.checks.find((c) => c.id === 'ring-target')).toMatchObject({
      status: 'fail',
      message: 'The Page’s calls ring in Meta’s own apps (META), so they never reach Ringside.',
      fix: expect.stringContaining('PARTNERS'),
    });
    expect(statusOf(report, 'calling-enabled', 'whatsapp')).toBe('ok');
  });

  it('is for admins only', async () => {
    for (const role of ['supervisor', 'agent'] as const) {
      const { cookie } = await workspaceWith(role);
      expect((await stack().request(cookie, '/api/admin/doctor')).status, role).toBe(403);
    }
  });
});
