import type { Channel, MediaCapture, RingStrategy, WrapUpMode } from '@ringside/contracts';
import { sql } from 'drizzle-orm';
import type { MediaMode, WhenNobodyAvailable } from '../db/enums';
import { channelAgents, channels } from '../db/schema';

/** A channel without its token: what every reader outside Graph calls gets. */
export interface ChannelRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly kind: Channel;
  /** WhatsApp phone-number id or Facebook Page id */
  readonly externalId: string;
  readonly wabaId: string | null;
  readonly displayNumber: string | null;
  readonly name: string;
  readonly enabled: boolean;
  readonly ringStrategy: RingStrategy;
  readonly ringTimeoutSec: number;
  readonly agentTimeoutSec: number;
  readonly whenNobodyAvailable: WhenNobodyAvailable;
  /** after-call work once an answered call ends, and its length when `timed` */
  readonly wrapUp: WrapUpMode;
  readonly wrapUpSec: number;
  /** `queue`: how long a queued caller waits for an agent before voicemail */
  readonly queueLimitSec: number;
  /** what Meta records or transcribes on this line's calls, how it announces it, how long we keep it */
  readonly mediaCapture: MediaCapture;
  readonly mediaPurpose: string | null;
  readonly mediaAnnouncementLanguage: string | null;
  readonly mediaRetentionDays: number;
  /** where a WhatsApp call's audio ends: the agent's browser, or a media engine (docs/anchor.md) */
  readonly mediaMode: MediaMode;
  /** whether an access token is stored; the token itself never leaves the repository */
  readonly tokenSet: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A channel with the users assigned to answer it (empty: every agent of the workspace). */
export interface ChannelListing extends ChannelRecord {
  readonly assignedUserIds: string[];
}

/** the columns of {@link ChannelRecord}: `token_ciphertext` is never selected, only tested */
export const channelColumns = {
  id: channels.id,
  workspaceId: channels.workspaceId,
  kind: channels.kind,
  externalId: channels.externalId,
  wabaId: channels.wabaId,
  displayNumber: channels.displayNumber,
  name: channels.name,
  enabled: channels.enabled,
  ringStrategy: channels.ringStrategy,
  ringTimeoutSec: channels.ringTimeoutSec,
  agentTimeoutSec: channels.agentTimeoutSec,
  whenNobodyAvailable: channels.whenNobodyAvailable,
  wrapUp: channels.wrapUp,
  wrapUpSec: channels.wrapUpSec,
  queueLimitSec: channels.queueLimitSec,
  mediaCapture: channels.mediaCapture,
  mediaPurpose: channels.mediaPurpose,
  mediaAnnouncementLanguage: channels.mediaAnnouncementLanguage,
  mediaRetentionDays: channels.mediaRetentionDays,
  mediaMode: channels.mediaMode,
  tokenSet: sql<boolean>`(${channels.tokenCiphertext} is not null)`.as('token_set'),
  createdAt: channels.createdAt,
  updatedAt: channels.updatedAt,
};

/** {@link channelColumns} plus the assigned user ids, aggregated in the same query */
export const channelListingColumns = {
  ...channelColumns,
  assignedUserIds: sql<string[]>`coalesce((
    select array_agg(${channelAgents.userId}::text order by ${channelAgents.userId})
    from ${channelAgents} where ${channelAgents.channelId} = ${channels.id}
  ), '{}')`.as('assigned_user_ids'),
};
