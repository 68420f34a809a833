import type { SignalingError } from '../signaling/SignalingClient';
import { t } from '../i18n/i18n';
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
        message: said || t('dial.permissionRequested'),
      };
    case 'invalid_payload':
      return { kind: 'invalid', message: said || t('dial.invalid') };
    default:
      return { kind: 'refused', message: said || t('dial.refused') };
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
      return t('dial.title.invalid');
    case 'permission-requested':
      return t('dial.title.permissionRequested');
    case 'refused':
      return t('dial.title.refused');
    case 'ended':
      return t('dial.title.ended');
  }
}
