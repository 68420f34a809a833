import type { ChannelRecord } from '../../repos/channel-rows';
import type { CallRow } from '../../repos/calls';

/**
 * How long, from the call's `ringingSince`, a ringing card stays up for one agent: the channel's
 * ring timeout, or under longest-idle the end of that agent's turn (whichever comes first), so a
 * console stops ringing when the server moves the call on.
 *
 * @example
 * // longest-idle, 15 s turns, offered to this agent 20 s into a 45 s ring
 * ringTimeoutMsFor(channel, row, offeredAt + 20_000); // 35_000
 */
export function ringTimeoutMsFor(
  channel: Pick<ChannelRecord, 'ringStrategy' | 'ringTimeoutSec' | 'agentTimeoutSec'>,
  row: Pick<CallRow, 'offeredAt'>,
  offeredToAgentAt: number,
): number {
  const ringMs = channel.ringTimeoutSec * 1000;
  if (channel.ringStrategy !== 'longest-idle') return ringMs;
  const turnEndsMs = offeredToAgentAt + channel.agentTimeoutSec * 1000 - row.offeredAt.getTime();
  // a positive whole number of ms, as the payload requires
  return Math.max(1, Math.min(ringMs, Math.round(turnEndsMs)));
}
