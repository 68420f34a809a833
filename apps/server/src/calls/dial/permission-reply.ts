import type { PermissionUpdatedEvent } from '@ringside/calls';
import type { CallPermissionPayload } from '@ringside/contracts';
import { customerNamed } from '../call-views';
import type { Logger } from '../../ops/logger';
import { enqueuePermissionEvent, type EnqueueRepos } from '../../outbox/enqueue-events';
import type { Repos } from '../../repos';
import type { ChannelRecord } from '../../repos/channel-rows';
import type { CallNotifications } from '../ports';

/**
 * A customer's answer to our call-permission request (WhatsApp `call_permission_reply`
 * message, Messenger `call_permission_reply` event): `call.permission_updated` goes into the
 * outbox for subscribed CRMs, then `call:permission` tells everyone who may call from the
 * channel — its assigned users, or the whole workspace when nobody is assigned, as `/api/me`'s
 * `channels` decide. Not only the agent who asked: who asked is known only to the node that
 * sent the request, and only until it restarts; the permission belongs to the business and the
 * customer, so any of the line's agents may call them now; and after a refusal nobody should
 * ask again (Meta allows one request a day). A channel turned off tells nobody.
 *
 * @example
 * const replies = createPermissionReplies({ repos, notifier, logger });
 * if (event.kind === 'permission.updated') await replies.handle(channel, event);
 */
export function createPermissionReplies(deps: {
  repos: Pick<Repos, 'channels'> & EnqueueRepos;
  notifier: Pick<CallNotifications, 'permission'>;
  logger: Logger;
}) {
  return {
    async handle(channel: ChannelRecord, event: PermissionUpdatedEvent): Promise<void> {
      deps.logger.info(
        { channelId: channel.id, channel: event.channel, response: event.response },
        'call permission updated',
      );
      await enqueuePermissionEvent(deps.repos, channel, event);
      // fresh, not the webhook routing cache: who is assigned, and whether it is still on
      const listing = await deps.repos.channels.getChannel(channel.workspaceId, channel.id);
      if (!listing?.enabled) {
        deps.logger.info(
          { channelId: channel.id },
          'permission reply for a channel that is off: no agent told',
        );
        return;
      }
      deps.notifier.permission(
        channel.workspaceId,
        listing.assignedUserIds,
        permissionPayload(channel, event),
      );
    },
  };
}

export type PermissionReplies = ReturnType<typeof createPermissionReplies>;

/**
 * What consoles are told of a permission reply: the channel, the customer (E.164 number and
 * profile name on WhatsApp, PSID on Messenger), whether they allowed calls, and for how long.
 *
 * @example
 * permissionPayload({ id: 'ch_1' }, event);
 * // { channelId: 'ch_1', channel: 'whatsapp', customer: { number: '+447700900123' }, granted: true,
 * //   expiresAt: '2025-07-28T16:38:20.000Z', permanent: false }
 */
export function permissionPayload(
  channel: Pick<ChannelRecord, 'id'>,
  event: PermissionUpdatedEvent,
): CallPermissionPayload {
  // a username customer is named by BSUID alone (*Business-scoped user IDs*)
  const customer = customerNamed(event.channel, event.user, event.userId, event.userName);
  const granted = event.response === 'granted';
  return {
    channelId: channel.id,
    channel: event.channel,
    customer,
    granted,
    // an expiry or permanence only means something for a permission that was given
    ...(granted && event.expiresAt !== undefined
      ? { expiresAt: new Date(event.expiresAt).toISOString() }
      : {}),
    ...(granted && event.permanent !== undefined ? { permanent: event.permanent } : {}),
  };
}
