import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from '../testing/test-databases';
import { seedWorkspace, testRepos } from '../testing/test-seed';

const NOW = Date.parse('2025-07-01T10:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000);

describe.each(ENGINES)('presence on %s', (engine) => {
  const database = useTestDatabase(engine);

  it('offers the longest-idle agent first, counting a finished call as activity', async () => {
    const repos = testRepos(database().db);
    const seeded = await seedWorkspace(repos, ['agent', 'agent', 'agent', 'supervisor']);
    const [asha, ben, chen, sam] = seeded.users;
    const ws = seeded.workspaceId;
    await repos.presence.setPresence(asha!.id, ws, 'available', at(0));
    await repos.presence.setPresence(ben!.id, ws, 'available', at(5));
    await repos.presence.setPresence(chen!.id, ws, 'available', at(10));
    await repos.presence.setPresence(sam!.id, ws, 'away', at(1));
    expect((await repos.presence.availableAgents(ws)).map((a) => a.name)).toEqual([
      'agent 0',
      'agent 1',
      'agent 2',
    ]);

    // asha just finished a call: idle since then, so she goes last
    await repos.presence.recordCallEnded(asha!.id, at(12));
    const ordered = await repos.presence.availableAgents(ws);
    expect(ordered.map((a) => a.userId)).toEqual([ben!.id, chen!.id, asha!.id]);
    expect(ordered[0]?.idleSince).toEqual(at(5));
    expect(ordered[2]?.idleSince).toEqual(at(12));
  });

  it('keeps idle time when an agent repeats their status, and restarts it on a change', async () => {
    const repos = testRepos(database().db);
    const seeded = await seedWorkspace(repos, ['agent']);
    const user = seeded.users[0]!;
    await repos.presence.setPresence(user.id, seeded.workspaceId, 'available', at(0));
    const repeated = await repos.presence.setPresence(
      user.id,
      seeded.workspaceId,
      'available',
      at(30),
    );
    expect(repeated.since).toEqual(at(0));
    await repos.presence.setPresence(user.id, seeded.workspaceId, 'busy', at(31));
    expect(await repos.presence.availableAgents(seeded.workspaceId)).toEqual([]);
    const back = await repos.presence.setPresence(user.id, seeded.workspaceId, 'available', at(40));
    expect(back).toMatchObject({ status: 'available', since: at(40) });
  });

  it('rings only the agents assigned to a channel, or everyone when nobody is', async () => {
    const repos = testRepos(database().db);
    const seeded = await seedWorkspace(repos, ['agent', 'agent']);
    const [asha, ben] = seeded.users;
    for (const user of seeded.users) {
      await repos.presence.setPresence(user.id, seeded.workspaceId, 'available', at(0));
    }
    const everyone = await repos.presence.availableAgents(seeded.workspaceId, seeded.channel.id);
    expect(everyone.map((a) => a.userId).sort()).toEqual([asha!.id, ben!.id].sort());

    await repos.channels.assignAgent(seeded.channel.id, ben!.id);
    const assigned = await repos.presence.availableAgents(seeded.workspaceId, seeded.channel.id);
    expect(assigned.map((a) => a.userId)).toEqual([ben!.id]);
    expect(await repos.presence.availableAgentIds(seeded.workspaceId, seeded.channel.id)).toEqual([
      ben!.id,
    ]);
  });

  it('lists the available agents’ ids alone, in the same longest-idle order', async () => {
    const repos = testRepos(database().db);
    const seeded = await seedWorkspace(repos, ['agent', 'agent', 'agent', 'agent']);
    const ws = seeded.workspaceId;
    const [asha, ben, chen, dev] = seeded.users;
    await repos.presence.setPresence(chen!.id, ws, 'available', at(1));
    await repos.presence.setPresence(asha!.id, ws, 'available', at(2));
    await repos.presence.setPresence(ben!.id, ws, 'available', at(3));
    await repos.presence.setPresence(dev!.id, ws, 'away', at(0));
    await repos.presence.recordCallEnded(chen!.id, at(10));
    const ids = await repos.presence.availableAgentIds(ws, seeded.channel.id);
    expect(ids).toEqual([asha!.id, ben!.id, chen!.id]);
    expect(ids).toEqual(
      (await repos.presence.availableAgents(ws, seeded.channel.id)).map((a) => a.userId),
    );
    expect(await repos.presence.availableAgentIds('not-a-uuid')).toEqual([]);
    expect(await repos.presence.availableAgentIds(ws, 'not-a-uuid')).toEqual([]);
  });

  it('reads one agent’s presence by id, and only in their own workspace', async () => {
    const repos = testRepos(database().db);
    const mine = await seedWorkspace(repos, ['agent']);
    const theirs = await seedWorkspace(repos, ['agent']);
    const user = mine.users[0]!;
    await repos.presence.setPresence(user.id, mine.workspaceId, 'away', at(4));
    expect(await repos.presence.getPresence(mine.workspaceId, user.id)).toMatchObject({
      userId: user.id,
      status: 'away',
      since: at(4),
    });
    expect(await repos.presence.getPresence(theirs.workspaceId, user.id)).toBeUndefined();
    expect(await repos.presence.getPresence(mine.workspaceId, theirs.users[0]!.id)).toBeUndefined();
    expect(await repos.presence.getPresence(mine.workspaceId, 'nope')).toBeUndefined();
  });

  it('never offers another workspace’s agents, or deactivated ones', async () => {
    const repos = testRepos(database().db);
    const a = await seedWorkspace(repos, ['agent', 'agent']);
    const b = await seedWorkspace(repos, ['agent']);
    for (const seeded of [a, b]) {
      for (const user of seeded.users) {
        await repos.presence.setPresence(user.id, seeded.workspaceId, 'available', at(0));
      }
    }
    await repos.users.deactivateUser(a.workspaceId, a.users[1]!.id);
    expect((await repos.presence.availableAgents(a.workspaceId)).map((x) => x.userId)).toEqual([
      a.users[0]!.id,
    ]);
    // a channel of workspace b, asked about from workspace a: nobody
    expect(await repos.presence.availableAgents(a.workspaceId, b.channel.id)).toEqual([]);
    expect((await repos.presence.listPresence(a.workspaceId)).map((p) => p.userId).sort()).toEqual(
      a.users.map((u) => u.id).sort(),
    );
  });

  it('counts sockets: the first brings an agent online as away, the last takes them offline', async () => {
    const repos = testRepos(database().db);
    const seeded = await seedWorkspace(repos, ['agent']);
    const user = seeded.users[0]!;
    const opened = await repos.presence.connectionOpened(user.id, seeded.workspaceId, at(0));
    expect(opened).toMatchObject({ status: 'away', connections: 1, since: at(0) });
    await repos.presence.setPresence(user.id, seeded.workspaceId, 'available', at(1));
    // a second tab does not change what the agent chose
    expect(await repos.presence.connectionOpened(user.id, seeded.workspaceId, at(2))).toMatchObject(
      {
        status: 'available',
        connections: 2,
        since: at(1),
      },
    );
    expect(await repos.presence.connectionClosed(user.id, at(3))).toMatchObject({
      status: 'available',
      connections: 1,
    });
    expect(await repos.presence.connectionClosed(user.id, at(4))).toMatchObject({
      status: 'offline',
      connections: 0,
      since: at(4),
    });
    // a stray close never goes below zero
    expect(await repos.presence.connectionClosed(user.id, at(5))).toMatchObject({
      status: 'offline',
      connections: 0,
      since: at(4),
    });
    expect(await repos.presence.connectionOpened(user.id, seeded.workspaceId, at(6))).toMatchObject(
      {
        status: 'away',
        connections: 1,
        since: at(6),
      },
    );
    expect(await repos.presence.connectionClosed('not-a-uuid', at(7))).toBeUndefined();
  });
});
