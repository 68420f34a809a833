import type { CallDirection, CallOutcome, Called, Caller, Channel } from '@ringside/contracts';
import { t, type MessageKey } from '../i18n/i18n';

/**
 * A duration as a call timer shows it: `m:ss`, or `h:mm:ss` past an hour. Negative is 0:00.
 *
 * @example
 * formatDuration(65_000); // '1:05'
 * formatDuration(3_725_000); // '1:02:05'
 */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor((Number.isFinite(ms) ? ms : 0) / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

/**
 * The channel's product name.
 *
 * @example
 * channelName('whatsapp'); // 'WhatsApp'
 */
export function channelName(channel: Channel): string {
  return channel === 'whatsapp' ? 'WhatsApp' : 'Messenger';
}

/**
 * Who is calling, in one line: the profile name, else the number, else the WhatsApp @username,
 * else "WhatsApp user" (known by business-scoped id alone) or "Messenger user".
 *
 * @example
 * callerName({ name: 'Rahul', number: '+918097530000' }); // 'Rahul'
 * callerName({ userId: 'IN.1349', username: '@priya.k' }); // '@priya.k'
 * callerName({ psid: '6124' }); // 'Messenger user'
 */
export function callerName(caller: Caller): string {
  const name = caller.name?.trim();
  if (name) return name;
  if (caller.number) return caller.number;
  if (caller.username) return caller.username;
  return caller.userId ? t('format.whatsappUser') : t('format.messengerUser');
}

/**
 * How to reach the caller: on WhatsApp the number and the @username, whichever Meta sent (a
 * user with a username may hide their number), or a short business-scoped id; a short Messenger
 * id otherwise.
 *
 * @example
 * callerAddress({ number: '+918097530000' }); // '+918097530000'
 * callerAddress({ number: '+918097530000', userId: 'IN.1349', username: '@priya.k' }); // '+918097530000 · @priya.k'
 * callerAddress({ userId: 'IN.13491208655302741918' }); // 'WhatsApp ID …1918'
 * callerAddress({ psid: '24519283746152' }); // 'Messenger ID …6152'
 */
export function callerAddress(caller: Caller): string {
  const whatsapp = [caller.number, caller.username].filter(Boolean).join(' · ');
  if (whatsapp) return whatsapp;
  if (caller.userId) return t('format.whatsappId', { last: caller.userId.slice(-4) });
  if (caller.psid) return t('format.messengerId', { last: caller.psid.slice(-4) });
  return t('format.unknown');
}

/**
 * Our side of the call: the WhatsApp number or Facebook Page the customer called, or that the
 * agent called from.
 *
 * @example
 * calledLine('whatsapp', { channelId: 'c1', label: '+91 91299 50000' }); // 'to +91 91299 50000'
 * calledLine('messenger', { channelId: 'c2', label: 'Acme Support' }); // 'to Page Acme Support'
 * calledLine('whatsapp', { channelId: 'c1', label: '+91 91299 50000' }, 'outbound'); // 'from +91 91299 50000'
 */
export function calledLine(
  channel: Channel,
  called: Called,
  direction: CallDirection = 'inbound',
): string {
  const line = called.label;
  if (channel === 'whatsapp') {
    return direction === 'outbound' ? t('format.fromLine', { line }) : t('format.toLine', { line });
  }
  return direction === 'outbound' ? t('format.fromPage', { line }) : t('format.toPage', { line });
}

/**
 * Whom the agent called, in full: the number, or the PSID they typed.
 *
 * @example
 * dialedParty({ number: '+447700900123' }); // '+447700900123'
 * dialedParty({ psid: '6124509938127745' }); // '6124509938127745'
 * dialedParty({ userId: 'US.13491208655302741918', username: '@priya.k' }); // '@priya.k'
 */
export function dialedParty(caller: Caller): string {
  return caller.number ?? caller.username ?? caller.userId ?? caller.psid ?? callerName(caller);
}

/**
 * Which way a call went, for lists.
 *
 * @example
 * directionName('outbound'); // 'Outbound'
 */
export function directionName(direction: CallDirection): string {
  return direction === 'outbound' ? t('format.outbound') : t('format.inbound');
}

const OUTCOMES: Record<CallOutcome, MessageKey> = {
  completed: 'outcome.completed',
  missed: 'outcome.missed',
  declined: 'outcome.declined',
  rejected: 'outcome.rejected',
  'no-answer': 'outcome.noAnswer',
  failed: 'outcome.failed',
};

/**
 * An outcome for lists and badges.
 *
 * @example
 * outcomeName('no-answer'); // 'No answer'
 */
export function outcomeName(outcome: CallOutcome): string {
  return t(OUTCOMES[outcome]);
}

/** every outcome, for filters */
export const OUTCOME_OPTIONS = Object.keys(OUTCOMES) as CallOutcome[];

/**
 * "2 earlier calls" and friends; nothing for a first-time caller.
 *
 * @example
 * earlierCallsText(0); // 'First call'
 * earlierCallsText(1); // '1 earlier call'
 */
export function earlierCallsText(count: number): string {
  if (count <= 0) return t('format.firstCall');
  return t('format.earlierCalls', { count });
}
