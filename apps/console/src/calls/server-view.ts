import type { CallView } from '@ringside/contracts';
import type { CallPatch } from '../state/calls-slice';
import type { CurrentCall } from '../state/types';
import { startedCall } from './call-records';

// what the server says about an inbound call of ours that a page with audio would show
const LIVE_INBOUND: ReadonlySet<CallView['state']> = new Set(['claimed', 'connecting', 'active']);

/**
 * The call to offer to end when the server has the agent on a call this page has no audio for
 * (the page was reloaded mid-call); `null` when the view is no such call.
 *
 * @example
 * const orphan = orphanedCall(view, Date.now());
 * if (orphan && !store.getState().current) store.getState().callStarted(orphan);
 */
export function orphanedCall(view: CallView, now: number): CurrentCall | null {
  const live =
    view.direction === 'outbound' ? view.state !== 'ended' : LIVE_INBOUND.has(view.state);
  if (!live) return null;
  return {
    ...startedCall({ ...view, callId: view.id }, now),
    direction: view.direction,
    phase: 'orphaned',
  };
}

/**
 * The call to take back on a fresh leg instead of offering to end it: an orphaned call whose
 * audio runs through the media engine and is in progress goes on without this page (the
 * customer stays connected to the engine), so the agent can rejoin it. Its timer keeps the
 * server's answer time. `null` for a direct call (its audio ended with the old page) or one not
 * in progress.
 *
 * @example
 * const rejoining = rejoiningCall(view, Date.now());
 * if (rejoining) void new RejoinedCall(context, view.id).rejoin(rejoining);
 */
export function rejoiningCall(view: CallView, now: number): CurrentCall | null {
  const orphan = orphanedCall(view, now);
  if (!orphan || view.anchored !== true || view.state !== 'active') return null;
  const answeredAt = view.answeredAt ? Date.parse(view.answeredAt) : NaN;
  return {
    ...orphan,
    phase: 'rejoining',
    anchored: true,
    ...(Number.isFinite(answeredAt) ? { answeredAt } : {}),
  };
}

/**
 * What the server's view of the agent's outbound call changes on its card: ringing once the
 * customer's phone rings; connecting (and the timer) once they picked up, until the session's
 * audio is up (the session makes it active). `pickedUp` tells the session to expect audio.
 *
 * @example
 * const step = outboundProgress(current, view, Date.now());
 * if (step) store.getState().callPatched(current.callId, step.patch);
 */
export function outboundProgress(
  current: CurrentCall,
  view: CallView,
  now: number,
): { patch: CallPatch; pickedUp: boolean } | null {
  if (current.phase === 'ending' || current.phase === 'active' || current.phase === 'reconnecting')
    return null;
  if (view.state === 'active') {
    return {
      patch: {
        phase: 'connecting',
        ...(current.answeredAt === undefined ? { answeredAt: now } : {}),
      },
      pickedUp: true,
    };
  }
  if (view.state === 'ringing' && current.phase === 'dialing') {
    return { patch: { phase: 'ringing' }, pickedUp: false };
  }
  return null;
}
