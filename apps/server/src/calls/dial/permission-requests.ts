import type { Repos } from '../../repos';
import type { ChannelRecord } from '../../repos/channel-rows';
import type { Actor } from '../actor';
import { CommandError } from '../command-error';
import type { DialTarget } from './dial-target';

/** the audit action of one call-permission request sent to a customer */
export const PERMISSION_REQUEST_ACTION = 'call.permission_request';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Call-permission requests are messages to people who may never have heard of the business: each
 * one is written to the audit log (the agent, the customer, the channel) before it is sent, and an
 * agent may send at most `perHour` in any hour (counted from the audit log, so on every node).
 * One over is refused with `rate_limited`, and nothing is sent or recorded.
 *
 * @example
 * const requests = createPermissionRequests({ repos, perHour: 30 });
 * await requests.admit(actor, channel, { id: '447700900123', shown: '+447700900123' });
 * await graph.whatsapp.requestPermission(creds, target.id, text);
 */
export function createPermissionRequests(deps: {
  repos: Pick<Repos, 'auditLog' | 'users'>;
  perHour: number;
}) {
  return {
    async admit(actor: Actor, channel: ChannelRecord, target: DialTarget): Promise<void> {
      const sent = await deps.repos.auditLog.countRecent(
        actor.workspaceId,
        actor.userId,
        PERMISSION_REQUEST_ACTION,
        HOUR_MS,
      );
      if (sent >= deps.perHour) {
        throw new CommandError(
          'rate_limited',
          `You have sent ${deps.perHour} call permission requests in the last hour, the most allowed. Try again later, or call customers who have already allowed calls.`,
        );
      }
      const user = await deps.repos.users.getUser(actor.workspaceId, actor.userId);
      await deps.repos.auditLog.record({
        workspaceId: actor.workspaceId,
        actor: { userId: actor.userId, name: user?.name ?? actor.name, email: user?.email ?? '' },
        action: PERMISSION_REQUEST_ACTION,
        target: { type: 'customer', id: target.id, label: target.shown },
        changes: { channelId: channel.id, channel: channel.kind },
      });
    },
  };
}

export type PermissionRequests = ReturnType<typeof createPermissionRequests>;
