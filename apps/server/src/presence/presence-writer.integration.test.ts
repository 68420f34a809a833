import type { AgentView } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../testing/test-databases';
import { ringingCall, seedWorkspace, storeCall, testRepos } from '../testing/test-seed';
import { createPresenceWriter } from './presence-writer';

const NOW = new Date('2026-12-07T10:00:00Z');

describe('the presence writer, on the embedded database', () => {
  const database = useTestDatabase('pglite');

  async function setUp() {
    const repos = testRepos(database().db);
    const seeded = await seedWorkspace(repos, ['agent']);
    const agent = seeded.users[0]!;
    const heard: AgentView[] = [];
    const presence = createPresenceWriter({
      repos,
      notifier: { agentUpdated: (_ws, view) => void heard.push(view) },
      clock: () => NOW,
    });
    const stored = async () =>
      (await repos.presence.getPresence(seeded.workspaceId, agent.id))?.status;
    return { repos, seeded, agent, presence, heard, stored, ws: seeded.workspaceId };
  }

  it('keeps an agent with a live call busy when their console asks for Available', async () => {
    const { repos, seeded, agent, presence, heard, stored, ws } = await setUp();
    await repos.presence.setPresence(agent.id, ws, 'away', NOW);
    await storeCall(repos, seeded, {
      ...ringingCall(),
      state: 'active',
      agentId: agent.id,
      answeredAt: NOW.getTime(),
    });

    const changed = await presence.change(ws, agent.id, { kind: 'chose', status: 'available' });

    expect(changed).toEqual({ status: 'busy', moved: true });
    expect(await stored()).toBe('busy');
    expect(heard.map((view) => view.status)).toEqual(['busy']);
  });

  it('refuses a supervisor’s Away for an agent on a call, writing and announcing nothing', async () => {
    const { repos, agent, presence, heard, stored, ws } = await setUp();
    await repos.presence.setPresence(agent.id, ws, 'busy', NOW);

    expect(await presence.change(ws, agent.id, { kind: 'sent-away' })).toEqual({
      refused: 'on-a-call',
    });
    expect(await stored()).toBe('busy');
    expect(heard).toEqual([]);
  });

  it('a call’s end leaves an agent who chose Away during it away, and restarts their idle time', async () => {
    const { repos, agent, presence, heard, stored, ws } = await setUp();
    await repos.presence.setPresence(agent.id, ws, 'away', NOW);

    expect(await presence.callEnded(ws, agent.id, 'available')).toEqual({
      status: 'away',
      moved: false,
    });
    expect(await stored()).toBe('away');
    expect(heard).toEqual([]);
    const row = await repos.presence.getPresence(ws, agent.id);
    expect(row?.lastCallEndedAt).toEqual(NOW);
  });

  it('answers the agent’s own choice even when it changes nothing', async () => {
    const { repos, agent, presence, heard, ws } = await setUp();
    await repos.presence.setPresence(agent.id, ws, 'available', NOW);

    expect(await presence.change(ws, agent.id, { kind: 'chose', status: 'available' })).toEqual({
      status: 'available',
      moved: false,
    });
    expect(heard.map((view) => view.status)).toEqual(['available']);
  });
});
