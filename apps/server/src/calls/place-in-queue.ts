import type { Repos } from '../repos';
import type { ChannelRecord } from '../repos/channel-rows';

/**
 * A queued call's place in its line's queue (1: next in line): the calls of the line still
 * queued that the engine answered before it, plus one. Calls leaving the queue (answered,
 * hung up, gone to voicemail) move everyone behind them up.
 *
 * @example
 * await placeInQueue(repos, channel, row.id); // 2
 */
export async function placeInQueue(
  repos: Pick<Repos, 'calls'>,
  channel: Pick<ChannelRecord, 'id' | 'workspaceId'>,
  callId: string,
): Promise<number> {
  const queued = (await repos.calls.liveCalls(channel.workspaceId))
    .filter((row) => row.channelId === channel.id)
    .flatMap((row) =>
      row.model.state === 'ringing' && row.model.waiting === 'queued' && row.model.queuedAt
        ? [{ id: row.id, at: row.model.queuedAt }]
        : [],
    )
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const index = queued.findIndex((entry) => entry.id === callId);
  return index < 0 ? queued.length + 1 : index + 1;
}
