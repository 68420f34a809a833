import type { DialableChannel } from '@ringside/contracts';
import type { ChannelListing } from '../../repos/channel-rows';

/**
 * Whether a user answers a channel, by the rule ringing uses: its assigned users, or everyone
 * in the workspace when nobody is assigned.
 *
 * @example
 * answersChannel({ assignedUserIds: [] }, 'u1'); // true: nobody assigned, everyone answers
 */
export function answersChannel(
  channel: Pick<ChannelListing, 'assignedUserIds'>,
  userId: string,
): boolean {
  return channel.assignedUserIds.length === 0 || channel.assignedUserIds.includes(userId);
}

/** how agents see a channel: the WhatsApp display number, or the Page's name */
export function channelLabel(channel: Pick<ChannelListing, 'displayNumber' | 'name'>): string {
  return channel.displayNumber ?? channel.name;
}

/**
 * The channels a user may place calls from (`GET /api/me`): enabled ones they answer, in the
 * workspace's order.
 *
 * @example
 * dialableChannels(await repos.channels.listChannels(workspaceId), userId);
 * // [{ id: 'ch_1', channel: 'whatsapp', label: '+1 555 010 0100' }]
 */
export function dialableChannels(
  channels: readonly ChannelListing[],
  userId: string,
): DialableChannel[] {
  return channels
    .filter((channel) => channel.enabled && answersChannel(channel, userId))
    .map((channel) => ({ id: channel.id, channel: channel.kind, label: channelLabel(channel) }));
}
