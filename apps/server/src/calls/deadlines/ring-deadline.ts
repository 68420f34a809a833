import { VOICEMAIL_MAX_MS, type Call } from '@ringside/calls';
import type { ChannelRecord } from '../../repos/channel-rows';
import type { CallRow } from '../../repos/calls';

type RingChannel = Pick<
  ChannelRecord,
  'ringStrategy' | 'ringTimeoutSec' | 'agentTimeoutSec' | 'queueLimitSec'
>;
/** rows without a model read as plain ringing calls */
type RingRow = Pick<CallRow, 'offeredAt'> & { readonly model?: Call };

/**
 * When a ringing call's wait is over, epoch ms: the channel's ring timeout from when Meta says
 * the call started; a queued call's queue limit from when the media engine answered it; a
 * voicemail's longest length from when it began. The overdue sweep asks the same in SQL
 * (`overdue-calls.ts`).
 *
 * @example
 * ringEndsAt(channel, row) - Date.now(); // ms left
 */
export function ringEndsAt(channel: RingChannel, row: RingRow): number {
  const model = row.model;
  if (model?.state === 'ringing' && model.queuedAt !== undefined) {
    if (model.waiting === 'voicemail') {
      return (model.voicemailAt ?? model.queuedAt) + VOICEMAIL_MAX_MS;
    }
    return model.queuedAt + channel.queueLimitSec * 1000;
  }
  return row.offeredAt.getTime() + channel.ringTimeoutSec * 1000;
}

/**
 * How long, from the call's `ringingSince`, a ringing card stays up for one agent: until the
 * call's wait is over ({@link ringEndsAt}), or under longest-idle the end of that agent's turn
 * (whichever comes first), so a console stops ringing when the server moves the call on.
 *
 * @example
 * // longest-idle, 15 s turns, offered to this agent 20 s into a 45 s ring
 * ringTimeoutMsFor(channel, row, offeredAt + 20_000); // 35_000
 */
export function ringTimeoutMsFor(
  channel: RingChannel,
  row: RingRow,
  offeredToAgentAt: number,
): number {
  const ringMs = ringEndsAt(channel, row) - row.offeredAt.getTime();
  if (channel.ringStrategy !== 'longest-idle') return Math.max(1, Math.round(ringMs));
  const turnEndsMs = offeredToAgentAt + channel.agentTimeoutSec * 1000 - row.offeredAt.getTime();
  // a positive whole number of ms, as the payload requires
  return Math.max(1, Math.min(ringMs, Math.round(turnEndsMs)));
}
