import type { CallRingingPayload } from '@ringside/contracts';
import type { ChannelRecord } from '../repos/channel-rows';
import type { CallRow } from '../repos/calls';
import type { Repos } from '../repos';
import { toRingingPayload } from './call-views';
import { callSourceOf } from './call-source';
import { ringTimeoutMsFor } from './deadlines/ring-deadline';

/**
 * The ring an agent already offered a call is sent again (a console that reconnected, an agent
 * who was offered it while their console was away): under longest-idle it ends with their turn,
 * counted from when they were offered it, not from now.
 *
 * @example
 * socket.emit('call:ringing', await ringAgainPayload(repos, channel, row, userId));
 */
export async function ringAgainPayload(
  repos: Pick<Repos, 'calls' | 'callLinks'>,
  channel: ChannelRecord,
  row: CallRow,
  userId: string,
): Promise<CallRingingPayload> {
  const ws = channel.workspaceId;
  const earlier = row.callerId
    ? await repos.calls.countEarlierCalls(ws, row.callerId, row.offeredAt, row.callerUserId)
    : 0;
  const offeredAt = (
    (await repos.calls.lastOfferedTo(ws, row.id, userId)) ?? row.offeredAt
  ).getTime();
  return toRingingPayload(
    row,
    earlier,
    ringTimeoutMsFor(channel, row, offeredAt),
    await callSourceOf(repos.callLinks, row),
  );
}
