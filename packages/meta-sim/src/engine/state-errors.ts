import { refuse, type MetaFailure } from './outcome';
import type { SimCall } from './sim-call';

// meta does not document which code answers an action on a call in the wrong state; these
// choices live here alone so they are easy to change (meta-calling.md: "unconfirmed")

/** no call with this id on this number or page */
export function unknownCall(callId: string, businessId: string): { ok: false; error: MetaFailure } {
  return refuse(100, `no call with id ${callId} exists for ${businessId}`);
}

/**
 * The call cannot take `action` in its current state: 138003 while the call is live and
 * already past the point the action needs, 100 once it has ended.
 */
export function wrongState(call: SimCall, action: string): { ok: false; error: MetaFailure } {
  const { phase } = call;
  if (phase.state === 'ended') {
    return refuse(100, `cannot ${action} call ${call.id}: it has already ended (${phase.reason})`);
  }
  return refuse(138003, `cannot ${action} call ${call.id}: it is ${phase.state}`);
}

/** the action exists only for the other direction of call */
export function wrongDirection(call: SimCall, action: string): { ok: false; error: MetaFailure } {
  const which = call.direction === 'user_initiated' ? 'user-initiated' : 'business-initiated';
  return refuse(100, `${action} does not apply to call ${call.id}: it is ${which}`);
}
