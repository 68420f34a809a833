import type { SignalingError } from '../signaling/SignalingClient';
import type { DialNotice } from '../state/types';

/**
 * What the New call form shows when the server did not place the call. The server's message is
 * already worded for the agent (Meta's refusals come with their meaning); the kind decides how
 * the form presents it.
 *
 * @example
 * dialRefusal({ code: 'permission_requested', message: 'Asked +44… to allow calls.' }).kind; // 'permission-requested'
 */
export function dialRefusal(error: SignalingError): Pick<DialNotice, 'kind' | 'message'> {
  const said = error.message.trim();
  switch (error.code) {
    case 'permission_requested':
      return {
        kind: 'permission-requested',
        message:
          said ||
          'The customer has not allowed calls yet, so they were sent a request. Call again once they accept.',
      };
    case 'invalid_payload':
      return { kind: 'invalid', message: said || 'That number or id cannot be called.' };
    default:
      return { kind: 'refused', message: said || 'Ringside could not place the call.' };
  }
}

/**
 * The heading of a dial notice.
 *
 * @example
 * dialNoticeTitle('permission-requested'); // 'Asked for permission to call'
 */
export function dialNoticeTitle(kind: DialNotice['kind']): string {
  switch (kind) {
    case 'invalid':
      return 'Check what you typed';
    case 'permission-requested':
      return 'Asked for permission to call';
    case 'refused':
      return 'The call was not placed';
    case 'ended':
      return 'The call did not connect';
  }
}
