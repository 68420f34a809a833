import type { CallDirection, CallEndedPayload } from '@ringside/contracts';
import { t } from '../i18n/i18n';
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
  // the server said why in words of its own (the media server carrying the call stopped)
  if (ended.reason) return { kind: 'ended', text: ended.reason };
  switch (ended.outcome) {
    case 'missed':
      return now >= card.ringingSince + card.ringTimeoutMs - TIMEOUT_SLACK_MS
        ? { kind: 'timed-out' }
        : { kind: 'caller-hung-up' };
    case 'declined':
      return { kind: 'ended', text: t('end.declined') };
    case 'failed':
      return { kind: 'ended', text: ended.metaError?.meaning ?? t('end.failed') };
    case 'completed':
    case 'rejected':
    case 'no-answer':
      return { kind: 'ended', text: t('end.callEnded') };
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
      return t('end.answeredBy', { name: notice.by });
    case 'caller-hung-up':
      return t('end.callerHungUp');
    case 'timed-out':
      return t('end.timedOut');
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
  if (ended.metaError) return t('end.metaError', { meaning: ended.metaError.meaning });
  if (ended.reason) return ended.reason;
  if (endedByAgent) return t('end.youHungUp');
  if (direction === 'outbound') return outboundEndMessage(ended);
  switch (ended.outcome) {
    case 'completed':
      return t('end.callerHungUpFull');
    case 'missed':
      return t('end.callerHungUpEarly');
    case 'declined':
      return t('end.declinedEarly');
    case 'failed':
      return t('end.failedFull');
    case 'rejected':
    case 'no-answer':
      return t('end.notTaken');
  }
}

function outboundEndMessage(ended: CallEndedPayload): string {
  switch (ended.outcome) {
    case 'completed':
      return t('end.customerHungUp');
    case 'rejected':
      return t('end.customerDeclined');
    case 'no-answer':
    case 'missed':
      return t('end.customerNoAnswer');
    case 'declined':
    case 'failed':
      return t('end.notConnected');
  }
}
