import type { MediaReadyEvent } from '@ringside/calls';
import type { Logger } from '../ops/logger';
import type { Repos } from '../repos';
import type { ChannelRecord } from '../repos/channel-rows';

/**
 * A recording or transcript webhook: noted for the media worker to fetch (or, when Meta reports
 * a failure, noted as failed with Meta's words). `no-call`: the call is not stored yet, so the
 * event should be tried again shortly; `duplicate`: already noted (a redelivery).
 *
 * @example
 * if ((await noteCallMedia(deps, channel, event)) === 'no-call') defer();
 */
export async function noteCallMedia(
  deps: { repos: Pick<Repos, 'calls' | 'callMedia'>; clock: () => Date; logger: Logger },
  channel: ChannelRecord,
  event: MediaReadyEvent,
): Promise<'noted' | 'duplicate' | 'no-call'> {
  const call = await deps.repos.calls.getCallByMetaId(channel.workspaceId, event.callId);
  if (!call) {
    deps.logger.info(
      { metaCallId: event.callId, media: event.media },
      'media for a call not stored yet',
    );
    return 'no-call';
  }
  const failure =
    event.status === 'failed'
      ? `Meta could not make the ${event.media}${event.errors[0] ? `: ${event.errors[0].message ?? `error ${event.errors[0].code}`}` : '.'}`
      : undefined;
  const news = await deps.repos.callMedia.note(
    {
      callId: call.id,
      workspaceId: call.workspaceId,
      kind: event.media,
      metaMediaId: event.mediaId,
      failure,
    },
    deps.clock(),
  );
  return news ? 'noted' : 'duplicate';
}
