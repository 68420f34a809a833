import type { OutgoingEventName, SubscriptionEvent } from '@ringside/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { webhookSubscriptions } from '../db/schema';
import type { SecretBox } from '../db/secret-box';
import { isUuid } from './ids';
import type { TtlCache } from './ttl-cache';

/** A subscription as readers see it: never the secret (every subscription has one). */
export interface WebhookSubscription {
  readonly id: string;
  readonly workspaceId: string;
  readonly url: string;
  readonly events: SubscriptionEvent[];
  readonly active: boolean;
  readonly description: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface NewWebhookSubscription {
  workspaceId: string;
  url: string;
  events: SubscriptionEvent[];
  secret: string;
  active: boolean;
  description?: string | undefined;
}

/** Fields an admin may change; a new `secret` replaces the stored one. */
export interface WebhookSubscriptionPatch {
  url?: string | undefined;
  events?: SubscriptionEvent[] | undefined;
  secret?: string | undefined;
  active?: boolean | undefined;
  description?: string | undefined;
}

/** Where to deliver and how to sign: for the dispatcher only, just before a request. */
export interface SigningTarget {
  readonly url: string;
  readonly active: boolean;
  readonly secret: string;
}

// the columns of WebhookSubscription: the sealed secret is never selected by readers
const columns = {
  id: webhookSubscriptions.id,
  workspaceId: webhookSubscriptions.workspaceId,
  url: webhookSubscriptions.url,
  events: webhookSubscriptions.events,
  active: webhookSubscriptions.active,
  description: webhookSubscriptions.description,
  createdAt: webhookSubscriptions.createdAt,
  updatedAt: webhookSubscriptions.updatedAt,
};

/**
 * Outgoing event subscriptions of a workspace. Secrets are sealed with the secret box on the way
 * in and opened only by {@link signingTarget}, just before a delivery is signed.
 *
 * @example
 * const repo = createWebhookSubscriptionsRepo(db, secretBox);
 * const sub = await repo.createSubscription({ workspaceId, url: 'https://crm.example.com/hooks',
 *   events: ['call.ended'], secret: 'at least sixteen chars', active: true });
 * await repo.wantedEvents(workspaceId); // Set { 'call.ended' }
 */
export function createWebhookSubscriptionsRepo(
  db: Db,
  box: SecretBox,
  wantedCache?: TtlCache<ReadonlySet<SubscriptionEvent>>,
) {
  const inWorkspace = (workspaceId: string, id: string) =>
    and(eq(webhookSubscriptions.workspaceId, workspaceId), eq(webhookSubscriptions.id, id));

  return {
    async createSubscription(input: NewWebhookSubscription): Promise<WebhookSubscription> {
      wantedCache?.clear();
      const { secret, description, ...rest } = input;
      const [row] = await db
        .insert(webhookSubscriptions)
        .values({ ...rest, description: description ?? null, secretCiphertext: box.seal(secret) })
        .returning(columns);
      if (!row) throw new Error('inserting a webhook subscription returned no row');
      return row;
    },

    /** a workspace's subscriptions, oldest first */
    async listSubscriptions(workspaceId: string): Promise<WebhookSubscription[]> {
      if (!isUuid(workspaceId)) return [];
      return db
        .select(columns)
        .from(webhookSubscriptions)
        .where(eq(webhookSubscriptions.workspaceId, workspaceId))
        .orderBy(asc(webhookSubscriptions.createdAt), asc(webhookSubscriptions.id));
    },

    async getSubscription(
      workspaceId: string,
      id: string,
    ): Promise<WebhookSubscription | undefined> {
      if (!isUuid(workspaceId) || !isUuid(id)) return undefined;
      const [row] = await db
        .select(columns)
        .from(webhookSubscriptions)
        .where(inWorkspace(workspaceId, id));
      return row;
    },

    async updateSubscription(
      workspaceId: string,
      id: string,
      patch: WebhookSubscriptionPatch,
    ): Promise<WebhookSubscription | undefined> {
      if (!isUuid(workspaceId) || !isUuid(id)) return undefined;
      wantedCache?.clear();
      const { secret, ...fields } = patch;
      const [row] = await db
        .update(webhookSubscriptions)
        .set({
          ...definedOnly(fields),
          ...(secret === undefined ? {} : { secretCiphertext: box.seal(secret) }),
          updatedAt: sql`now()`,
        })
        .where(inWorkspace(workspaceId, id))
        .returning(columns);
      return row;
    },

    /** deletes the subscription and its delivery log; false when there was none */
    async deleteSubscription(workspaceId: string, id: string): Promise<boolean> {
      if (!isUuid(workspaceId) || !isUuid(id)) return false;
      wantedCache?.clear();
      const deleted = await db
        .delete(webhookSubscriptions)
        .where(inWorkspace(workspaceId, id))
        .returning({ id: webhookSubscriptions.id });
      return deleted.length > 0;
    },

    /**
     * the events some active subscription of the workspace wants (`*` stands for all); read
     * through the shared cache when the repositories have one (asked on every call change)
     */
    async wantedEvents(workspaceId: string, tx: Db = db): Promise<ReadonlySet<SubscriptionEvent>> {
      const cached = wantedCache?.get(workspaceId);
      if (cached) return cached;
      const rows = await tx
        .select({ events: webhookSubscriptions.events })
        .from(webhookSubscriptions)
        .where(
          and(
            eq(webhookSubscriptions.workspaceId, workspaceId),
            eq(webhookSubscriptions.active, true),
          ),
        );
      const wanted = new Set(rows.flatMap((row) => row.events));
      return wantedCache ? wantedCache.set(workspaceId, wanted) : wanted;
    },

    /** active subscriptions of the workspace that receive `event` */
    async subscribersOf(
      workspaceId: string,
      event: OutgoingEventName,
    ): Promise<WebhookSubscription[]> {
      if (!isUuid(workspaceId)) return [];
      return db
        .select(columns)
        .from(webhookSubscriptions)
        .where(
          and(
            eq(webhookSubscriptions.workspaceId, workspaceId),
            eq(webhookSubscriptions.active, true),
            sql`(${event} = any(${webhookSubscriptions.events}) or '*' = any(${webhookSubscriptions.events}))`,
          ),
        )
        .orderBy(asc(webhookSubscriptions.createdAt), asc(webhookSubscriptions.id));
    },

    /**
     * The URL, state and opened secret of a subscription, any workspace (the dispatcher works
     * for all). Throws `SecretBoxError` when the secret cannot be opened (the key changed).
     */
    async signingTarget(id: string): Promise<SigningTarget | undefined> {
      if (!isUuid(id)) return undefined;
      const [row] = await db
        .select({
          url: webhookSubscriptions.url,
          active: webhookSubscriptions.active,
          sealed: webhookSubscriptions.secretCiphertext,
        })
        .from(webhookSubscriptions)
        .where(eq(webhookSubscriptions.id, id));
      if (!row) return undefined;
      return { url: row.url, active: row.active, secret: box.open(row.sealed) };
    },
  };
}

export type WebhookSubscriptionsRepo = ReturnType<typeof createWebhookSubscriptionsRepo>;

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined),
  ) as Partial<T>;
}
