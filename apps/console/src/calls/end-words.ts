import type { CallDirection, CallEndedPayload } from '@ringside/contracts';
import type { RingNotice, RingingCall } from '../state/types';

// a ring that ends this close to its timeout ended because nobody answered, not the caller
const TIMEOUT_SLACK_MS = 1500;

/**
 * Why a card that was ringing here went away, from `call:ended`.
 *
 * @example
 * ringEndNotice({ callId, outcome: 'missed' }, card, Date.now()); // { kind: 'caller-hung-up' }
 */
export function ringEndNotice(ended: CallEndedPayload, card: RingingCall, now: number): RingNotice {
  switch (ended.outcome) {
    case 'missed':
      return now >= card.ringingSince + card.ringTimeoutMs - TIMEOUT_SLACK_MS
        ? { kind: 'timed-out' }
        : { kind: 'caller-hung-up' };
    case 'declined':
      return { kind: 'ended', text: 'Declined' };
    case 'failed':
      return { kind: 'ended', text: ended.metaError?.meaning ?? 'The call failed' };
    case 'completed':
    case 'rejected':
    case 'no-answer':
      return { kind: 'ended', text: 'Call ended' };
  }
}

/**
 * What a ringing card says as it goes.
 *
 * @example
 * ringNoticeText({ kind: 'answered-elsewhere', by: 'Bo Agent' }); // 'Answered by Bo Agent'
 */
export function ringNoticeText(notice: RingNotice): string {
  switch (notice.kind) {
    case 'answered-elsewhere':
      return `Answered by ${notice.by}`;
    case 'caller-hung-up':
      return 'Caller hung up';
    case 'timed-out':
      return 'Nobody answered in time';
    case 'ended':
      return notice.text;
  }
}

/**
 * Why the agent's own call ended, for the wrap-up or the problem banner.
 *
 * @example
 * callEndMessage({ callId, outcome: 'completed' }, false); // 'The caller hung up.'
 * callEndMessage({ callId, outcome: 'no-answer' }, false, 'outbound'); // 'The customer did not answer.'
 */
export function callEndMessage(
  ended: CallEndedPayload,
  endedByAgent: boolean,
  direction: CallDirection = 'inbound',
): string {
  if (ended.metaError) return `The call ended with an error from Meta: ${ended.metaError.meaning}`;
  if (endedByAgent) return 'You hung up.';
  if (direction === 'outbound') return outboundEndMessage(ended);
  switch (ended.outcome) {
    case 'completed':
      return 'The caller hung up.';
    case 'missed':
      return 'The caller hung up before the call connected.';
    case 'declined':
      return 'The call was declined before it connected.';
    case 'failed':
      return 'The call failed.';
    case 'rejected':
    case 'no-answer':
      return 'The customer did not take the call.';
  }
}

function outboundEndMessage(ended: CallEndedPayload): string {
  switch (ended.outcome) {
    case 'completed':
      return 'The customer hung up.';
    case 'rejected':
      return 'The customer declined the call.';
    case 'no-answer':
    case 'missed':
      return 'The customer did not answer.';
    case 'declined':
    case 'failed':
      return 'The call could not be connected.';
  }
}
