import type { Repos } from '../repos';
import type { CallRow } from '../repos/calls';
import type { ChannelRecord } from '../repos/channel-rows';
import type { Actor } from './actor';
import { CommandError } from './command-error';

/**
 * The call a command names, in the actor's workspace, with its channel; refused in words when
 * either is not there. Reads the row alone (no joins): claim and answer are on the way from
 * Accept to audio.
 *
 * @example
 * const { row, channel } = await loadCall(repos, actor, callId);
 */
export async function loadCall(
  repos: Pick<Repos, 'calls' | 'channels'>,
  actor: Actor,
  callId: string,
): Promise<{ row: CallRow; channel: ChannelRecord }> {
  const row = await repos.calls.getCallRow(actor.workspaceId, callId);
  if (!row) throw new CommandError('not_found', 'That call does not exist.');
  const channel = await repos.channels.getChannel(actor.workspaceId, row.channelId);
  if (!channel) throw new CommandError('not_found', 'That call’s channel no longer exists.');
  return { row, channel };
}
