import type { PermissionUpdatedEvent } from '@ringside/calls';
import { subscriptionWants } from '@ringside/contracts';
import type { Db } from '../db/database';
import type { Repos } from '../repos';
import type { ChannelRecord } from '../repos/channel-rows';
import { createUsersRepo } from '../repos/users';
import {
  buildCallEvent,
  buildPermissionEvent,
  callEventNames,
  type CallChange,
} from './call-events';

/**
 * Puts the outgoing events a call change fires into the outbox, inside the call's own
 * transaction: an event is never lost, and never sent for a change that did not commit. Events
 * no active subscription of the workspace wants are not stored at all.
 *
 * @example
 * await repos.calls.withCallLock(metaCallId, async (current, tx) => {
 *   const row = await repos.calls.saveCall(tx, { workspaceId, channelId, model });
 *   await enqueueCallEvents(repos, tx, { channel, event, before: current?.model, row });
 * });
 */
/** what enqueuing an outgoing event reads and writes */
export type EnqueueRepos = Pick<Repos, 'webhookSubscriptions' | 'outgoingEvents'>;

export async function enqueueCallEvents(
  repos: EnqueueRepos,
  tx: Db,
  change: CallChange,
): Promise<void> {
  const names = callEventNames(change);
  if (names.length === 0) return;
  const workspaceId = change.channel.workspaceId;
  const wanted = [...(await repos.webhookSubscriptions.wantedEvents(workspaceId, tx))];
  const chosen = names.filter((name) => subscriptionWants(wanted, name));
  if (chosen.length === 0) return;
  // the transaction's own handle: on PGlite the outer one would wait for this transaction
  const agentId = change.row.agentId;
  const agent = agentId ? await createUsersRepo(tx).getUser(workspaceId, agentId) : undefined;
  for (const name of chosen) {
    await repos.outgoingEvents.enqueue(workspaceId, buildCallEvent(name, change, agent?.name), tx);
  }
}

/**
 * Puts `call.permission_updated` into the outbox when a subscription wants it. It belongs to no
 * call, so no call transaction; a webhook processed twice yields the same event id, which
 * fan-out stores once per subscription.
 *
 * @example
 * if (event.kind === 'permission.updated') await enqueuePermissionEvent(repos, channel, event);
 */
export async function enqueuePermissionEvent(
  repos: EnqueueRepos,
  channel: ChannelRecord,
  event: PermissionUpdatedEvent,
): Promise<void> {
  const wanted = [...(await repos.webhookSubscriptions.wantedEvents(channel.workspaceId))];
  if (!subscriptionWants(wanted, 'call.permission_updated')) return;
  await repos.outgoingEvents.enqueue(channel.workspaceId, buildPermissionEvent(channel, event));
}
