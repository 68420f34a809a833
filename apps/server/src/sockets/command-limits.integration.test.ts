import { describe, expect, it } from 'vitest';
import { command, recordEvents, settle, useStack } from '../testing/test-stack';

// a burst of 3 status changes, then one a minute: the 4th in a row is over the limit
const stack = useStack({ limits: { commandRates: { status: { burst: 3, perMinute: 1 } } } });

describe('command rate limits', () => {
  it('refuses a flapping status with a clear error, and changes nothing else', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent(); // its first status change: available
    const supervisor = await stack().connect((await ws.addUser('supervisor')).email);
    const board = recordEvents(supervisor);

    expect(await command(agent.socket, 'agent:set-status', { status: 'away' })).toEqual({
      ok: true,
    });
    expect(await command(agent.socket, 'agent:set-status', { status: 'available' })).toEqual({
      ok: true,
    });
    await settle(100);
    const seenBefore = board.of('agent:updated').length;

    const refused = await command(agent.socket, 'agent:set-status', { status: 'away' });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: expect.stringMatching(/status/i) },
    });
    await settle(100);
    const presence = await stack().app.repos.presence.getPresence(ws.id, agent.id);
    expect(presence?.status).toBe('available');
    expect(board.of('agent:updated')).toHaveLength(seenBefore);

    // other commands have their own allowance, and another console its own
    expect(await command(agent.socket, 'call:hangup', { callId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: expect.not.stringMatching('rate_limited') },
    });
    const second = await stack().connect(agent.email);
    expect(await command(second, 'agent:set-status', { status: 'away' })).toEqual({ ok: true });
  });
});
