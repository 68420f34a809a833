// test-only: an embedded data dir holding rows in every table, for copy and backup tests
import type { EndedCall } from '@ringside/calls';
import { sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { hashPassword, TEST_ONLY_SCRYPT_COST } from '../auth/passwords';
import { openDatabase } from '../db/open-database';
import {
  agentPresence,
  callbacks,
  callEvents,
  callLinks,
  callMedia,
  graphActions,
  outbox,
  webhookDeliveries,
  webhookEvents,
} from '../db/schema';
import { createSecretBox, loadOrCreateSecretsKey } from '../db/secret-box';
import { createRepoShared, createRepos } from '../repos';
import { metaId, ringingCall } from './test-seed';

/** What a seeded data dir holds, for a test to look for after a copy or a restore. */
export interface SeededDataDir {
  readonly workspaceId: string;
  readonly admin: { readonly id: string; readonly email: string; readonly password: string };
  readonly whatsappChannelId: string;
  readonly whatsappToken: string;
  readonly signingSecret: string;
  readonly appSecret: string;
  /** the call's row id and the kinds of its timeline, oldest first */
  readonly call: { readonly id: string; readonly timeline: readonly string[] };
}

/**
 * Fills the embedded database in `dataDir` (key file beside it) through the repositories and,
 * for rows only a running server makes, straight inserts: a workspace, an admin who can sign
 * in and an agent, two channels with sealed tokens, an assignment, a session, presence, an
 * ended call with its timeline and transcript, a graph action, a callback, a call link, a
 * webhook receipt with its event, an outbox row, a subscription (sealed secret) with a
 * delivery, an audit entry and the sealed app secret. Closes the database after.
 *
 * @example
 * const seeded = await seedDataDir(join(root, 'data'));
 */
export async function seedDataDir(dataDir: string): Promise<SeededDataDir> {
  const database = await openDatabase({ dataDir });
  try {
    const { db } = database;
    const repos = createRepos(
      db,
      createSecretBox(loadOrCreateSecretsKey(dataDir)),
      createRepoShared({ engine: database.kind }),
    );
    const workspace = await repos.workspaces.createWorkspace('Acme Support');
    const password = `pw-${randomBytes(8).toString('hex')}`;
    const user = async (email: string, role: 'admin' | 'agent') => {
      const created = await repos.users.createUser({
        workspaceId: workspace.id,
        email,
        name: role === 'admin' ? 'Asha Admin' : 'Ravi Agent',
        passwordHash: await hashPassword(password, TEST_ONLY_SCRYPT_COST),
        role,
      });
      if (!created.ok) throw new Error(created.error.message);
      return created.user;
    };
    const admin = await user('asha@example.com', 'admin');
    const agent = await user('ravi@example.com', 'agent');
    const whatsappToken = `EAAG${randomBytes(24).toString('hex')}`;
    const phoneNumberId = metaId();
    const whatsapp = await repos.channels.createWhatsAppChannel({
      workspaceId: workspace.id,
      phoneNumberId,
      wabaId: metaId(),
      displayNumber: '+919129950000',
      accessToken: whatsappToken,
    });
    const messenger = await repos.channels.createMessengerChannel({
      workspaceId: workspace.id,
      pageId: metaId(),
      name: 'Acme Page',
      accessToken: `EAAG${randomBytes(24).toString('hex')}`,
    });
    if (!whatsapp.ok || !messenger.ok) throw new Error('could not add the channels');
    const channelId = whatsapp.channel.id;
    await repos.channels.assignAgent(channelId, agent.id);
    await repos.sessions.createSession(agent.id, 3_600_000, new Date());
    await db.insert(agentPresence).values({
      userId: agent.id,
      workspaceId: workspace.id,
      status: 'available',
      since: new Date(),
    });

    // a call answered by the agent, then ended, with its timeline
    const offeredAt = Date.parse('2026-11-02T10:00:00.123Z');
    const ringing = ringingCall({ offeredAt, endpointId: phoneNumberId });
    const ended: EndedCall = {
      ...ringing,
      state: 'ended',
      outcome: 'completed',
      agentId: agent.id,
      answeredAt: offeredAt + 4_000,
      endedAt: offeredAt + 64_000,
      durationSec: 60,
    };
    let callId = '';
    for (const model of [ringing, ended]) {
      const row = await repos.calls.withCallLock(model.id, (_current, tx) =>
        repos.calls.saveCall(tx, { workspaceId: workspace.id, channelId, model }),
      );
      callId = row.id;
    }
    const timeline = ['webhook.connect', 'graph.accept', 'webhook.terminate'];
    await db.insert(callEvents).values(
      timeline.map((kind, index) => ({
        callId,
        workspaceId: workspace.id,
        kind,
        data: { step: index },
        occurredAt: new Date(offeredAt + index * 1_000),
      })),
    );
    // microseconds, which a JS Date cannot hold: a copy must keep them (the timeline orders by this)
    await db.execute(
      sql`update ${callEvents} set occurred_at = occurred_at + interval '123 microseconds'`,
    );
    await db.insert(graphActions).values({
      callId,
      workspaceId: workspace.id,
      action: 'accept',
      sdp: 'v=0\r\n',
      doneAt: new Date(),
      result: 'confirmed',
    });
    await db.insert(callbacks).values({
      callId,
      workspaceId: workspace.id,
      doneBy: agent.id,
      doneAt: new Date(),
    });
    await db.insert(callMedia).values({
      callId,
      workspaceId: workspace.id,
      kind: 'transcript',
      metaMediaId: metaId(),
      status: 'stored',
      transcriptText: 'customer: hello\nagent: hi, Acme here',
      storedAt: new Date(),
    });
    await db.insert(callLinks).values({
      channelId,
      tag: 'diwali-sale',
      label: 'Diwali sale',
      createdBy: admin.id,
    });

    const receipt = await repos.webhookReceipts.storeReceipt({
      object: 'whatsapp_business_account',
      raw: '{"object":"whatsapp_business_account","entry":[]}',
      events: [],
      outcome: 'accepted',
    });
    await db.insert(webhookEvents).values({
      idempotencyKey: `${ringing.id}:connect`,
      receiptId: receipt.receiptId,
      position: 0,
      metaCallId: ringing.id,
      kind: 'connect',
      payload: { call: ringing.id },
      processedAt: new Date(),
    });
    await db.insert(outbox).values({
      workspaceId: workspace.id,
      topic: 'call.ended',
      payload: { callId },
      deliveredAt: new Date(),
    });
    const signingSecret = `whsec_${randomBytes(16).toString('hex')}`;
    const subscription = await repos.webhookSubscriptions.createSubscription({
      workspaceId: workspace.id,
      url: 'https://crm.example.com/ringside',
      events: ['*'],
      secret: signingSecret,
      // nothing is sent to it from a test
      active: false,
    });
    await db.insert(webhookDeliveries).values({
      workspaceId: workspace.id,
      subscriptionId: subscription.id,
      eventId: 'evt_1',
      event: 'call.ended',
      body: '{"id":"evt_1"}',
      maxAttempts: 8,
      status: 'delivered',
      attempts: 1,
      deliveredAt: new Date(),
    });
    await repos.auditLog.record({
      workspaceId: workspace.id,
      actor: { userId: admin.id, name: 'Asha Admin', email: 'asha@example.com' },
      action: 'channel.create',
      target: { type: 'channel', id: channelId, label: '+919129950000' },
      secretsChanged: ['accessToken'],
    });
    const appSecret = `app-${randomBytes(16).toString('hex')}`;
    await repos.metaAppSettings.setAppSecret(appSecret, admin.id);
    return {
      workspaceId: workspace.id,
      admin: { id: admin.id, email: 'asha@example.com', password },
      whatsappChannelId: channelId,
      whatsappToken,
      signingSecret,
      appSecret,
      call: { id: callId, timeline },
    };
  } finally {
    await database.close();
  }
}
