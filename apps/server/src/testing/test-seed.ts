// test-only: workspaces with users and channels, and call models, for repository tests
import type { Call, RingingCall } from '@ringside/calls';
import type { Role } from '@ringside/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Database, Db } from '../db/database';
import { createSecretBox } from '../db/secret-box';
import { createRepoShared, createRepos, type Repos } from '../repos';
import type { ChannelListing } from '../repos/channel-rows';
import type { User } from '../repos/users';

/** A secret box with a throw-away key. */
export function testSecretBox() {
  return createSecretBox(randomBytes(32).toString('base64'));
}

/**
 * Repositories over `db` with a throw-away key; with `engine`, they behave as the app's do on
 * it (on PGlite, call locks rely on its one-transaction-at-a-time).
 */
export function testRepos(db: Db, engine?: Database['kind']): Repos {
  return createRepos(db, testSecretBox(), createRepoShared({ engine }));
}

/** Digits that look like a Meta id and differ every time (ids are unique per channel kind). */
export function metaId(): string {
  return String(100_000_000_000_000 + Math.floor(Math.random() * 899_999_999_999_999));
}

export interface SeededWorkspace {
  readonly workspaceId: string;
  readonly channel: ChannelListing;
  readonly users: User[];
}

/**
 * A workspace with one WhatsApp channel and a user per role given.
 *
 * @example
 * const acme = await seedWorkspace(repos, ['agent', 'agent']);
 */
export async function seedWorkspace(
  repos: Repos,
  roles: readonly Role[] = ['agent'],
  name = 'Acme',
): Promise<SeededWorkspace> {
  const workspace = await repos.workspaces.createWorkspace(name);
  const channel = await repos.channels.createWhatsAppChannel({
    workspaceId: workspace.id,
    phoneNumberId: metaId(),
    wabaId: metaId(),
    displayNumber: '+919129950000',
    accessToken: `EAAG${randomBytes(24).toString('hex')}`,
  });
  if (!channel.ok) throw new Error(channel.error.message);
  const users: User[] = [];
  for (const [index, role] of roles.entries()) {
    const created = await repos.users.createUser({
      workspaceId: workspace.id,
      email: `${role}${index}.${randomUUID()}@example.com`,
      name: `${role} ${index}`,
      passwordHash: 'scrypt$not-a-real-hash',
      role,
    });
    if (!created.ok) throw new Error(created.error.message);
    users.push(created.user);
  }
  return { workspaceId: workspace.id, channel: channel.channel, users };
}

/**
 * An inbound WhatsApp call ringing since `offeredAt`, with a fresh Meta call id.
 *
 * @example
 * const call = ringingCall({ offeredAt: Date.parse('2025-07-01T10:00:00Z'), caller: { id: '918097530000', name: 'Rahul' } });
 */
export function ringingCall(overrides: Partial<RingingCall> = {}): RingingCall {
  return {
    state: 'ringing',
    id: `wacid.${randomUUID()}`,
    channel: 'whatsapp',
    direction: 'inbound',
    endpointId: '115017831530658',
    caller: { id: '918097530000', name: 'Rahul' },
    called: { id: '919129950000' },
    mediaVersion: 0,
    appliedKeys: [],
    offeredAt: Date.parse('2025-07-01T10:00:00Z'),
    sdpOffer: 'v=0\r\n',
    agentsOffered: [],
    agentsDeclined: [],
    strategy: 'all',
    ...overrides,
  };
}

/** Saves a call model in its own locked transaction, as the call service would. */
export async function storeCall(
  repos: Repos,
  seeded: SeededWorkspace,
  model: Call,
): Promise<string> {
  const row = await repos.calls.withCallLock(model.id, (_current, tx) =>
    repos.calls.saveCall(tx, {
      workspaceId: seeded.workspaceId,
      channelId: seeded.channel.id,
      model,
    }),
  );
  return row.id;
}
