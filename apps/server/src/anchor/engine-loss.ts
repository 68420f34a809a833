import type { Call, CallEvent } from '@ringside/calls';

/** what the agent reads when the engine under their call dies (`call:ended`'s `reason`) */
export const ENGINE_LOST_REASON =
  'The media server carrying this call stopped, so the call was ended. New calls use another one.';

/**
 * The events that end a call whose media engine died, from its stored state, applied in order:
 * - ringing: as a ring nobody answered (Meta gets a reject; the caller is in the missed calls)
 * - claimed before the agent's answer: the claim is released, then the ring ends as above
 * - claimed after it: the claim expires (reject; the call ends `failed`)
 * - active: the conversation expires (Meta gets a terminate; the call ends `completed`)
 * An ended call needs nothing. The model's own commands are reused: no new transition.
 *
 * @example
 * for (const event of lostCallEvents(row.model, Date.now())) await feed(channel, event, { endReason });
 */
export function lostCallEvents(call: Call, at: number): CallEvent[] {
  const base = { callId: call.id, occurredAt: at };
  switch (call.state) {
    case 'ringing':
      return [{ kind: 'ring.timeout', ...base }];
    case 'claimed': {
      const expired: CallEvent = {
        kind: 'call.expired',
        state: 'claimed',
        since: call.claimedAt,
        ...base,
      };
      return call.answerSentAt === undefined
        ? [expired, { kind: 'ring.timeout', ...base }]
        : [expired];
    }
    case 'active':
      return [{ kind: 'call.expired', state: 'active', since: call.answeredAt, ...base }];
    case 'dialing':
    case 'outbound-ringing':
    case 'ended':
    case 'tombstone':
      // outbound calls are not anchored yet; an ended call has nothing left to end
      return [];
  }
}
