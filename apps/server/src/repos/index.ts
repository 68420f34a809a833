import type { Db } from '../db/database';
import type { SecretBox } from '../db/secret-box';
import { createAuditLogRepo } from './audit-log';
import { createBoardFiguresRepo } from './board-figures';
import { createCallLinksRepo } from './call-links';
import { createCallReportsRepo } from './call-reports';
import { createCallbacksRepo } from './callbacks';
import { createCallMediaRepo } from './call-media';
import { createCallsRepo } from './calls';
import { createChannelsRepo } from './channels';
import { createGraphActionsRepo } from './graph-actions';
import { createMetaAppSettingsRepo } from './meta-app-settings';
import { createOutboxRepo } from './outbox';
import { createOutgoingEventsRepo } from './outgoing-events';
import { createPermissionTemplatesRepo } from './permission-templates';
import { createPresenceRepo } from './presence';
import { createRepoShared, type RepoShared } from './repo-shared';
import { createRingPlanRepo } from './ring-plan';
import { createSessionsRepo } from './sessions';
import { createUsersRepo } from './users';
import { createWebhookDeadLettersRepo } from './webhook-dead-letters';
import { createWebhookDeliveriesRepo } from './webhook-deliveries';
import { createWebhookReceiptsRepo } from './webhook-receipts';
import { createWebhookSubscriptionsRepo } from './webhook-subscriptions';
import { createWorkspaceSettingsRepo } from './workspace-settings';
import { createWorkspacesRepo } from './workspaces';

/**
 * Every repository over one database; the composition root builds this once. `shared` (the
 * engine, the channel cache) is passed on to repositories a unit of work builds over a
 * transaction, so they clear the same cache.
 *
 * @example
 * const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
 * const repos = createRepos(database.db, createSecretBox(secretsKey), createRepoShared({ engine: database.kind }));
 * const channel = await repos.channels.findChannelByExternalId('whatsapp', phoneNumberId);
 */
export function createRepos(db: Db, secretBox: SecretBox, shared: RepoShared = createRepoShared()) {
  const outbox = createOutboxRepo(db);
  return {
    shared,
    workspaces: createWorkspacesRepo(db),
    users: createUsersRepo(db),
    sessions: createSessionsRepo(db),
    channels: createChannelsRepo(db, secretBox, shared.channels),
    calls: createCallsRepo(db, { engine: shared.engine }),
    webhookReceipts: createWebhookReceiptsRepo(db),
    webhookDeadLetters: createWebhookDeadLettersRepo(db),
    graphActions: createGraphActionsRepo(db),
    presence: createPresenceRepo(db),
    boardFigures: createBoardFiguresRepo(db),
    callReports: createCallReportsRepo(db),
    callbacks: createCallbacksRepo(db),
    callMedia: createCallMediaRepo(db),
    callLinks: createCallLinksRepo(db),
    permissionTemplates: createPermissionTemplatesRepo(db),
    ringPlan: createRingPlanRepo(db),
    outbox,
    outgoingEvents: createOutgoingEventsRepo(db, outbox),
    webhookSubscriptions: createWebhookSubscriptionsRepo(db, secretBox, shared.wantedEvents),
    webhookDeliveries: createWebhookDeliveriesRepo(db),
    auditLog: createAuditLogRepo(db),
    metaAppSettings: createMetaAppSettingsRepo(db, secretBox),
    workspaceSettings: createWorkspaceSettingsRepo(db),
  };
}

export type Repos = ReturnType<typeof createRepos>;

export type { Workspace } from './workspaces';
export type { User, UserWithPasswordHash, CreateUserResult, NewUser } from './users';
export type { FoundSession } from './sessions';
export type { ChannelListing, ChannelRecord } from './channel-rows';
export type {
  AssignAgentResult,
  ChannelPatch,
  CreateChannelResult,
  NewMessengerChannel,
  NewWhatsAppChannel,
  RingSettings,
} from './channels';
export type {
  CallDetail,
  CallEventRow,
  CallRow,
  CallSummaryRow,
  LockedCall,
  NewCallEvent,
  SaveCallInput,
} from './calls';
export type { CallListFilters, CallListResult } from './call-list';
export type { AvailableAgent, PresenceListing, PresenceRow } from './presence';
export type { NewOutboxMessage, OutboxRow } from './outbox';
export type {
  NewWebhookSubscription,
  SigningTarget,
  WebhookSubscription,
  WebhookSubscriptionPatch,
} from './webhook-subscriptions';
export type {
  AttemptOutcome,
  DeliveryEvent,
  DeliveryPage,
  DeliveryRow,
} from './webhook-deliveries';
export type { AuditActor, AuditPage, AuditRow, NewAuditEntry } from './audit-log';
export type { StoredMetaAppSettings } from './meta-app-settings';
export type {
  IncomingWebhookEvent,
  NewReceipt,
  StoredReceipt,
  StoredWebhookEvent,
} from './webhook-receipts';
export { callModelColumns } from './call-columns';
export { createRepoShared, type RepoShared } from './repo-shared';
export { normalizeEmail } from './users';
