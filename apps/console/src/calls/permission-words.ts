import type { Caller, DialableChannel } from '@ringside/contracts';
import type { DialDraft, PermissionNotice } from '../state/types';
import { callerAddress, channelName } from '../ui/format';
import { formatDate } from '../i18n/formats';
import { t } from '../i18n/i18n';

/** what a permission notice says: the headline, then what it means for the agent */
export interface PermissionNoticeWords {
  title: string;
  detail: string;
}

const dateOnly = (ms: number) => formatDate(ms);

/**
 * The words of a permission notice: who answered, on which line, and what follows. The line is
 * named as New call names it ("WhatsApp · +1 555 010 9901"), or by its kind alone when the
 * agent no longer has it.
 *
 * @example
 * permissionNoticeWords(notice, me.channels).title;
 * // '+447700900123 allowed calls from WhatsApp · +1 555 010 9901'
 */
export function permissionNoticeWords(
  notice: Pick<PermissionNotice, 'channelId' | 'channel' | 'customer' | 'granted'> &
    Partial<Pick<PermissionNotice, 'expiresAt' | 'permanent'>>,
  channels: readonly DialableChannel[] | undefined,
  formatDay: (ms: number) => string = dateOnly,
): PermissionNoticeWords {
  const from = channels?.find((c) => c.id === notice.channelId);
  const line = from
    ? `${channelName(notice.channel)} · ${from.label}`
    : channelName(notice.channel);
  const who = customerWho(notice.customer);
  if (!notice.granted) {
    return {
      title: t('permission.refusedTitle', { who, line }),
      detail: t('permission.refusedDetail'),
    };
  }
  let detail = t('permission.callNowDetail');
  if (notice.permanent) detail = t('permission.permanentDetail');
  else if (notice.expiresAt !== undefined) {
    detail = t('permission.untilDetail', { date: formatDay(notice.expiresAt) });
  }
  return { title: t('permission.allowedTitle', { who, line }), detail };
}

/**
 * What **Call now** fills into New call: the line and the customer's number or PSID, when they
 * allowed calls and the agent may call from that line; `null` otherwise.
 *
 * @example
 * permissionDraft(notice, me.channels); // { channelId: 'ch1', to: '+447700900123' }
 */
export function permissionDraft(
  notice: Pick<PermissionNotice, 'channelId' | 'channel' | 'customer' | 'granted'>,
  channels: readonly DialableChannel[] | undefined,
): DialDraft | null {
  if (!notice.granted) return null;
  const from = channels?.find((c) => c.id === notice.channelId && c.channel === notice.channel);
  // a customer known by username only is called by their business-scoped user id
  const to =
    notice.channel === 'whatsapp'
      ? (notice.customer.number ?? notice.customer.userId)
      : notice.customer.psid;
  if (!from || to === undefined) return null;
  return { channelId: from.id, to };
}

/** "Olivia Ode (+447700900123)", "+447700900123", "Messenger ID …1834" */
function customerWho(customer: Caller): string {
  const address = callerAddress(customer);
  const name = customer.name?.trim();
  return name ? `${name} (${address})` : address;
}
