import type { ChannelView, UserView, WorkspaceView } from '@ringside/contracts';
import type { ChannelListing } from './channel-rows';
import type { User } from './users';
import type { Workspace } from './workspaces';

/**
 * A workspace as admin replies and the CLI show it.
 *
 * @example
 * toWorkspaceView(workspace); // { id, name, createdAt: '2025-07-21T16:27:13.000Z' }
 */
export function toWorkspaceView(workspace: Workspace): WorkspaceView {
  return { id: workspace.id, name: workspace.name, createdAt: workspace.createdAt.toISOString() };
}

/**
 * A user as admin replies and the CLI show it: no password hash.
 *
 * @example
 * toUserView(user).disabled; // false for an active user
 */
export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    workspaceId: user.workspaceId,
    disabled: !user.active,
    createdAt: user.createdAt.toISOString(),
  };
}

/**
 * A channel as admin replies and `channel list` show it: `tokenSet`, never the token.
 *
 * @example
 * toChannelView(listing); // { id, channel: 'whatsapp', phoneNumberId, tokenSet: true, … }
 */
export function toChannelView(channel: ChannelListing): ChannelView {
  const ids =
    channel.kind === 'whatsapp'
      ? {
          phoneNumberId: channel.externalId,
          ...(channel.wabaId ? { wabaId: channel.wabaId } : {}),
          ...(channel.displayNumber ? { displayNumber: channel.displayNumber } : {}),
        }
      : { pageId: channel.externalId };
  return {
    id: channel.id,
    workspaceId: channel.workspaceId,
    channel: channel.kind,
    label: channel.name,
    ...ids,
    ringStrategy: channel.ringStrategy,
    assignedUserIds: channel.assignedUserIds,
    enabled: channel.enabled,
    tokenSet: channel.tokenSet,
    createdAt: channel.createdAt.toISOString(),
  };
}
