import type { MediaStats } from '../media/media-endpoint';
import type { EngineContext } from './context';
import { onEnd } from './context';
import { endCall, mediaTimeoutFailure } from './end-call';
import type { SimCall } from './sim-call';

/** what the watch reads of the business's RTCP (endpoints that see none leave it out) */
export type RtcpStats = Pick<MediaStats, 'lastRtcpAt'>;

/**
 * Watches the caller's incoming audio once a call is accepted, like the WhatsApp client:
 * nothing from the business within `mediaStartMs` of accept, or a gap of `mediaIdleMs` mid-call,
 * ends the call FAILED with 138021. Mid-call, RTCP counts as media (meta-calling.md section 0:
 * a silent or muted business keeps the call up with RTCP); the first packet must be audio, so
 * a recvonly answer, which sends RTCP only, still fails at `mediaStartMs`.
 *
 * @example
 * ctx.store.move(call, { state: 'accepted', acceptedAt: now });
 * watchMedia(ctx, call);
 */
export function watchMedia(ctx: EngineContext, call: SimCall): void {
  const { mediaStartMs, mediaIdleMs, mediaPollMs } = ctx.config.timeouts;
  // media stats carry wall-clock times, so compare with the wall clock too
  const acceptedWall = Date.now();
  let ending = false;
  const stop = ctx.timers.every(mediaPollMs, () => {
    const media = call.media;
    if (ending || !media || call.phase.state !== 'accepted') return;
    const stats: MediaStats = media.stats();
    const now = Date.now();
    const lastRtp = stats.lastPacketAt;
    const silentSince =
      lastRtp === null ? acceptedWall : Math.max(lastRtp, stats.lastRtcpAt ?? lastRtp);
    const limit = stats.lastPacketAt === null ? mediaStartMs : mediaIdleMs;
    if (now - silentSince < limit) return;
    ending = true;
    stop();
    const failure = mediaTimeoutFailure(limit, stats.lastPacketAt !== null);
    void ctx.store.serial(call.id, () =>
      endCall(ctx, call, stats.lastPacketAt === null ? 'media-timeout' : 'media-idle', failure),
    );
  });
  onEnd(ctx, call.id, stop);
}
