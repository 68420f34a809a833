import type { Channel, MediaCapture, RingStrategy, WrapUpMode } from '@ringside/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import type { MediaMode, WhenNobodyAvailable } from '../db/enums';
import { channelAgents, channels, users } from '../db/schema';
import type { SecretBox } from '../db/secret-box';
import type { GraphCredentials } from '../graph/graph-credentials';
import {
  channelColumns,
  channelListingColumns,
  type ChannelListing,
  type ChannelRecord,
} from './channel-rows';
import type { TtlCache } from './ttl-cache';
import { isUuid } from './ids';
import { constraintViolation } from './pg-errors';

/** How a channel rings; every field has a default. */
export interface RingSettings {
  ringStrategy?: RingStrategy;
  ringTimeoutSec?: number;
  agentTimeoutSec?: number;
  whenNobodyAvailable?: WhenNobodyAvailable;
  wrapUp?: WrapUpMode;
  wrapUpSec?: number;
  /** `queue`: how long a queued caller waits for an agent before voicemail */
  queueLimitSec?: number;
}

export interface NewWhatsAppChannel extends RingSettings {
  workspaceId: string;
  phoneNumberId: string;
  wabaId: string;
  /** E.164, e.g. `+919129950000` */
  displayNumber: string;
  /** defaults to the display number */
  name?: string;
  accessToken: string;
}

export interface NewMessengerChannel extends RingSettings {
  workspaceId: string;
  pageId: string;
  name: string;
  accessToken: string;
}

/** Fields an admin may change; a new `accessToken` replaces the stored one. */
export interface ChannelPatch extends RingSettings {
  /** recording and transcription by Meta on this line's calls */
  mediaCapture?: MediaCapture;
  mediaPurpose?: string | null;
  mediaAnnouncementLanguage?: string | null;
  mediaRetentionDays?: number;
  /** where WhatsApp call audio ends (no admin route sets it yet: docs/anchor.md) */
  mediaMode?: MediaMode;
  name?: string;
  displayNumber?: string;
  accessToken?: string;
  enabled?: boolean;
}

export type CreateChannelResult =
  | { ok: true; channel: ChannelListing }
  | { ok: false; error: { code: 'channel_exists' | 'workspace_not_found'; message: string } };

export type AssignAgentResult =
  | { ok: true; channelId: string; userId: string; alreadyAssigned: boolean }
  | { ok: false; error: { code: 'channel_not_found' | 'user_not_found'; message: string } };

/**
 * WhatsApp numbers and Facebook Pages. Access tokens are sealed with the secret box on the way
 * in and opened only by {@link getChannelCredentials}, just before a Graph request.
 *
 * @example
 * const repo = createChannelsRepo(db, secretBox);
 * const created = await repo.createWhatsAppChannel({ workspaceId, phoneNumberId: '115017831530658',
 *   wabaId: '114255454940862', displayNumber: '+919129950000', accessToken: 'EAAG…' });
 * const channel = await repo.findChannelByExternalId('whatsapp', '115017831530658');
 * const credentials = await repo.getChannelCredentials(channel!.id); // { nodeId, accessToken }
 */
export function createChannelsRepo(db: Db, box: SecretBox, cache?: TtlCache<ChannelRecord>) {
  async function insert(values: typeof channels.$inferInsert): Promise<CreateChannelResult> {
    if (!isUuid(values.workspaceId)) return workspaceNotFound(values.workspaceId);
    cache?.clear();
    try {
      const [row] = await db
        .insert(channels)
        .values(values)
        .onConflictDoNothing()
        .returning({ id: channels.id });
      if (!row) {
        return {
          ok: false,
          error: {
            code: 'channel_exists',
            message: `${values.kind} ${values.externalId} is already connected`,
          },
        };
      }
      const channel = await getListing(row.id);
      if (!channel) throw new Error('channel vanished right after insert');
      return { ok: true, channel };
    } catch (error) {
      if (constraintViolation(error) === 'foreign-key')
        return workspaceNotFound(values.workspaceId);
      throw error;
    }
  }

  async function getListing(id: string): Promise<ChannelListing | undefined> {
    const [row] = await db.select(channelListingColumns).from(channels).where(eq(channels.id, id));
    return row;
  }

  return {
    async createWhatsAppChannel(input: NewWhatsAppChannel): Promise<CreateChannelResult> {
      const { phoneNumberId, accessToken, name, ...rest } = input;
      return insert({
        ...rest,
        kind: 'whatsapp',
        externalId: phoneNumberId,
        name: name ?? input.displayNumber,
        tokenCiphertext: box.seal(accessToken),
      });
    },

    async createMessengerChannel(input: NewMessengerChannel): Promise<CreateChannelResult> {
      const { pageId, accessToken, ...rest } = input;
      return insert({
        ...rest,
        kind: 'messenger',
        externalId: pageId,
        tokenCiphertext: box.seal(accessToken),
      });
    },

    /**
     * webhook routing: which channel (and so workspace) a phone-number id or Page id is; read
     * through the shared cache when the repositories have one
     */
    async findChannelByExternalId(
      kind: Channel,
      externalId: string,
    ): Promise<ChannelRecord | undefined> {
      const key = `${kind}:${externalId}`;
      const cached = cache?.get(key);
      if (cached) return cached;
      const [row] = await db
        .select(channelColumns)
        .from(channels)
        .where(and(eq(channels.kind, kind), eq(channels.externalId, externalId)));
      // found channels only: a number connected elsewhere a moment ago must not read as unknown
      return row && cache ? cache.set(key, row) : row;
    },

    async getChannel(workspaceId: string, channelId: string): Promise<ChannelListing | undefined> {
      if (!isUuid(workspaceId) || !isUuid(channelId)) return undefined;
      const [row] = await db
        .select(channelListingColumns)
        .from(channels)
        .where(and(eq(channels.workspaceId, workspaceId), eq(channels.id, channelId)));
      return row;
    },

    /**
     * The Graph node and the opened token, or undefined when the channel is unknown or has no
     * token. Throws `SecretBoxError` when the stored token cannot be opened (wrong key).
     */
    async getChannelCredentials(channelId: string): Promise<GraphCredentials | undefined> {
      if (!isUuid(channelId)) return undefined;
      const [row] = await db
        .select({ nodeId: channels.externalId, sealed: channels.tokenCiphertext })
        .from(channels)
        .where(eq(channels.id, channelId));
      if (!row?.sealed) return undefined;
      return { nodeId: row.nodeId, accessToken: box.open(row.sealed) };
    },

    /** a workspace's channels, oldest first, with `tokenSet` instead of tokens */
    async listChannels(workspaceId: string): Promise<ChannelListing[]> {
      if (!isUuid(workspaceId)) return [];
      return db
        .select(channelListingColumns)
        .from(channels)
        .where(eq(channels.workspaceId, workspaceId))
        .orderBy(asc(channels.createdAt), asc(channels.id));
    },

    /** every channel of every workspace (the admin CLI's `channel list` without a workspace) */
    async listAllChannels(): Promise<ChannelListing[]> {
      return db
        .select(channelListingColumns)
        .from(channels)
        .orderBy(asc(channels.createdAt), asc(channels.id));
    },

    async updateChannel(
      workspaceId: string,
      channelId: string,
      patch: ChannelPatch,
    ): Promise<ChannelListing | undefined> {
      if (!isUuid(workspaceId) || !isUuid(channelId)) return undefined;
      cache?.clear();
      const { accessToken, ...fields } = patch;
      const [row] = await db
        .update(channels)
        .set({
          ...withoutUndefined(fields),
          ...(accessToken === undefined ? {} : { tokenCiphertext: box.seal(accessToken) }),
          updatedAt: sql`now()`,
        })
        .where(and(eq(channels.workspaceId, workspaceId), eq(channels.id, channelId)))
        .returning({ id: channels.id });
      return row ? getListing(row.id) : undefined;
    },

    /** lets a user answer a channel; the user must belong to the channel's workspace */
    async assignAgent(channelId: string, userId: string): Promise<AssignAgentResult> {
      if (!isUuid(channelId)) return notFound('channel_not_found', `no channel ${channelId}`);
      const [channel] = await db
        .select({ workspaceId: channels.workspaceId })
        .from(channels)
        .where(eq(channels.id, channelId));
      if (!channel) return notFound('channel_not_found', `no channel ${channelId}`);
      const [user] = isUuid(userId)
        ? await db
            .select({ id: users.id })
            .from(users)
            .where(and(eq(users.id, userId), eq(users.workspaceId, channel.workspaceId)))
        : [];
      if (!user) return notFound('user_not_found', `no user ${userId} in the channel's workspace`);
      const inserted = await db
        .insert(channelAgents)
        .values({ channelId, userId })
        .onConflictDoNothing()
        .returning({ userId: channelAgents.userId });
      return { ok: true, channelId, userId, alreadyAssigned: inserted.length === 0 };
    },

    async unassignAgent(channelId: string, userId: string): Promise<boolean> {
      if (!isUuid(channelId) || !isUuid(userId)) return false;
      const deleted = await db
        .delete(channelAgents)
        .where(and(eq(channelAgents.channelId, channelId), eq(channelAgents.userId, userId)))
        .returning({ userId: channelAgents.userId });
      return deleted.length > 0;
    },

    /** user ids assigned to the channel; empty means every agent of its workspace answers it */
    async channelAgents(channelId: string): Promise<string[]> {
      if (!isUuid(channelId)) return [];
      const rows = await db
        .select({ userId: channelAgents.userId })
        .from(channelAgents)
        .where(eq(channelAgents.channelId, channelId))
        .orderBy(asc(channelAgents.userId));
      return rows.map((row) => row.userId);
    },
  };
}

export type ChannelsRepo = ReturnType<typeof createChannelsRepo>;

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined),
  ) as Partial<T>;
}

function workspaceNotFound(workspaceId: string): CreateChannelResult {
  return {
    ok: false,
    error: { code: 'workspace_not_found', message: `no workspace ${workspaceId}` },
  };
}

function notFound(
  code: 'channel_not_found' | 'user_not_found',
  message: string,
): AssignAgentResult {
  return { ok: false, error: { code, message } };
}
