import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { channels } from '../db/schema';
import { SecretBoxError } from '../db/secret-box';
import { ENGINES, useTestDatabase } from '../testing/test-databases';
import { createChannelsRepo } from './channels';
import { metaId, seedWorkspace, testRepos, testSecretBox } from '../testing/test-seed';
import { createUnitOfWork } from './unit-of-work';

const TOKEN = 'EAAGsecret-whatsapp-token-0123456789';

describe.each(ENGINES)('channels on %s', (engine) => {
  const database = useTestDatabase(engine);

  it('stores the token sealed and gives it back only as Graph credentials', async () => {
    const repos = testRepos(database().db);
    const workspace = await repos.workspaces.createWorkspace('Acme');
    const phoneNumberId = metaId();
    const created = await repos.channels.createWhatsAppChannel({
      workspaceId: workspace.id,
      phoneNumberId,
      wabaId: metaId(),
      displayNumber: '+919129950000',
      accessToken: TOKEN,
    });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.channel).toMatchObject({
      kind: 'whatsapp',
      externalId: phoneNumberId,
      name: '+919129950000',
      tokenSet: true,
      ringStrategy: 'all',
      ringTimeoutSec: 45,
      agentTimeoutSec: 15,
      whenNobodyAvailable: 'keep-ringing',
      assignedUserIds: [],
    });

    const [raw] = await database()
      .db.select({ sealed: channels.tokenCiphertext })
      .from(channels)
      .where(eq(channels.id, created.channel.id));
    expect(raw?.sealed).toMatch(/^v1\./);
    expect(raw?.sealed).not.toContain(TOKEN);
    expect(raw?.sealed).not.toContain(Buffer.from(TOKEN).toString('base64'));

    expect(await repos.channels.getChannelCredentials(created.channel.id)).toEqual({
      nodeId: phoneNumberId,
      accessToken: TOKEN,
    });
    const everyRead = [
      created.channel,
      await repos.channels.findChannelByExternalId('whatsapp', phoneNumberId),
      await repos.channels.getChannel(workspace.id, created.channel.id),
      await repos.channels.listChannels(workspace.id),
      await repos.channels.listAllChannels(),
    ];
    const serialized = JSON.stringify(everyRead);
    expect(serialized).not.toContain(TOKEN);
    expect(serialized).not.toContain(raw?.sealed);
  });

  it('cannot open tokens under a different key', async () => {
    const { db } = database();
    const seeded = await seedWorkspace(testRepos(db));
    const otherKey = createChannelsRepo(db, testSecretBox());
    await expect(otherKey.getChannelCredentials(seeded.channel.id)).rejects.toBeInstanceOf(
      SecretBoxError,
    );
  });

  it('routes webhooks by kind and external id, with the workspace', async () => {
    const repos = testRepos(database().db);
    const seeded = await seedWorkspace(repos);
    const pageId = metaId();
    const page = await repos.channels.createMessengerChannel({
      workspaceId: seeded.workspaceId,
      pageId,
      name: 'Acme Page',
      accessToken: TOKEN,
      ringStrategy: 'longest-idle',
    });
    if (!page.ok) throw new Error(page.error.message);
    const found = await repos.channels.findChannelByExternalId('messenger', pageId);
    expect(found).toMatchObject({
      id: page.channel.id,
      workspaceId: seeded.workspaceId,
      name: 'Acme Page',
      ringStrategy: 'longest-idle',
      wabaId: null,
    });
    expect(await repos.channels.findChannelByExternalId('whatsapp', pageId)).toBeUndefined();
    expect(await repos.channels.getChannelCredentials(page.channel.id)).toEqual({
      nodeId: pageId,
      accessToken: TOKEN,
    });
  });

  it('refuses a number already connected, and an unknown workspace', async () => {
    const repos = testRepos(database().db);
    const first = await seedWorkspace(repos);
    const second = await repos.workspaces.createWorkspace('Other');
    const again = await repos.channels.createWhatsAppChannel({
      workspaceId: second.id,
      phoneNumberId: first.channel.externalId,
      wabaId: metaId(),
      displayNumber: '+15550001111',
      accessToken: TOKEN,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'channel_exists' } });
    for (const workspaceId of ['9b2f1c9e-0000-4000-8000-000000000000', 'nope']) {
      const orphan = await repos.channels.createMessengerChannel({
        workspaceId,
        pageId: metaId(),
        name: 'P',
        accessToken: TOKEN,
      });
      expect(orphan).toMatchObject({ ok: false, error: { code: 'workspace_not_found' } });
    }
  });

  it('keeps each workspace’s channels to itself', async () => {
    const repos = testRepos(database().db);
    const a = await seedWorkspace(repos);
    const b = await seedWorkspace(repos);
    expect((await repos.channels.listChannels(a.workspaceId)).map((c) => c.id)).toEqual([
      a.channel.id,
    ]);
    expect(await repos.channels.getChannel(a.workspaceId, b.channel.id)).toBeUndefined();
    expect(
      await repos.channels.updateChannel(a.workspaceId, b.channel.id, { name: 'taken' }),
    ).toBeUndefined();
    expect((await repos.channels.getChannel(b.workspaceId, b.channel.id))?.name).not.toBe('taken');
  });

  it('updates settings and replaces the token', async () => {
    const repos = testRepos(database().db);
    const seeded = await seedWorkspace(repos);
    const updated = await repos.channels.updateChannel(seeded.workspaceId, seeded.channel.id, {
      name: 'Support line',
      ringStrategy: 'longest-idle',
      ringTimeoutSec: 30,
      whenNobodyAvailable: 'reject',
      enabled: false,
      accessToken: 'EAAGrotated-token-9876543210',
    });
    expect(updated).toMatchObject({
      name: 'Support line',
      ringStrategy: 'longest-idle',
      ringTimeoutSec: 30,
      agentTimeoutSec: 15,
      whenNobodyAvailable: 'reject',
      enabled: false,
      displayNumber: '+919129950000',
      tokenSet: true,
    });
    expect(updated!.updatedAt.getTime()).toBeGreaterThanOrEqual(seeded.channel.updatedAt.getTime());
    expect((await repos.channels.getChannelCredentials(seeded.channel.id))?.accessToken).toBe(
      'EAAGrotated-token-9876543210',
    );
  });

  it('assigns agents of the channel’s own workspace only', async () => {
    const repos = testRepos(database().db);
    const seeded = await seedWorkspace(repos, ['agent', 'agent']);
    const stranger = (await seedWorkspace(repos, ['agent'])).users[0]!;
    const [asha, ben] = seeded.users;
    expect(await repos.channels.channelAgents(seeded.channel.id)).toEqual([]);

    expect(await repos.channels.assignAgent(seeded.channel.id, asha!.id)).toMatchObject({
      ok: true,
      alreadyAssigned: false,
    });
    expect(await repos.channels.assignAgent(seeded.channel.id, asha!.id)).toMatchObject({
      ok: true,
      alreadyAssigned: true,
    });
    await repos.channels.assignAgent(seeded.channel.id, ben!.id);
    expect(await repos.channels.assignAgent(seeded.channel.id, stranger.id)).toMatchObject({
      ok: false,
      error: { code: 'user_not_found' },
    });
    expect(await repos.channels.assignAgent(seeded.channel.id, 'nope')).toMatchObject({
      ok: false,
      error: { code: 'user_not_found' },
    });
    expect(await repos.channels.assignAgent('nope', asha!.id)).toMatchObject({
      ok: false,
      error: { code: 'channel_not_found' },
    });

    expect(await repos.channels.channelAgents(seeded.channel.id)).toEqual(
      [asha!.id, ben!.id].sort(),
    );
    const [listed] = await repos.channels.listChannels(seeded.workspaceId);
    expect(listed?.assignedUserIds).toEqual([asha!.id, ben!.id].sort());

    expect(await repos.channels.unassignAgent(seeded.channel.id, asha!.id)).toBe(true);
    expect(await repos.channels.unassignAgent(seeded.channel.id, asha!.id)).toBe(false);
    expect(await repos.channels.channelAgents(seeded.channel.id)).toEqual([ben!.id]);
  });
});

describe.each(ENGINES)('webhook routing reads of channels on %s', (engine) => {
  const database = useTestDatabase(engine);

  it('sees a change made in a unit of work at once, though routing reads are cached', async () => {
    const repos = testRepos(database().db, engine);
    const seeded = await seedWorkspace(repos);
    const { kind, externalId } = seeded.channel;
    expect(await repos.channels.findChannelByExternalId(kind, externalId)).toMatchObject({
      enabled: true,
      ringStrategy: 'all',
    });
    const unitOfWork = createUnitOfWork(database().db, testSecretBox(), repos.shared);
    await unitOfWork((inTx) =>
      inTx.channels.updateChannel(seeded.workspaceId, seeded.channel.id, {
        enabled: false,
        ringStrategy: 'longest-idle',
      }),
    );
    expect(await repos.channels.findChannelByExternalId(kind, externalId)).toMatchObject({
      enabled: false,
      ringStrategy: 'longest-idle',
    });
  });

  it('never remembers a number as unknown: one connected later is found at once', async () => {
    const repos = testRepos(database().db, engine);
    const workspace = await repos.workspaces.createWorkspace('Later');
    const phoneNumberId = metaId();
    expect(await repos.channels.findChannelByExternalId('whatsapp', phoneNumberId)).toBeUndefined();
    // connected by another process (the CLI, another node): this cache was never told
    const elsewhere = testRepos(database().db, engine);
    const created = await elsewhere.channels.createWhatsAppChannel({
      workspaceId: workspace.id,
      phoneNumberId,
      wabaId: metaId(),
      displayNumber: '+15550100002',
      accessToken: TOKEN,
    });
    expect(created.ok).toBe(true);
    expect(await repos.channels.findChannelByExternalId('whatsapp', phoneNumberId)).toMatchObject({
      workspaceId: workspace.id,
    });
  });
});
