import { t, type MessageKey } from '../i18n/i18n';

/** the dispositions an agent picks from after a call; the value is what the server stores */
export const DISPOSITIONS = [
  { value: 'resolved', label: 'disposition.resolved' },
  { value: 'follow-up', label: 'disposition.followUp' },
  { value: 'escalated', label: 'disposition.escalated' },
  { value: 'callback', label: 'disposition.callback' },
  { value: 'wrong-number', label: 'disposition.wrongNumber' },
  { value: 'spam', label: 'disposition.spam' },
] as const satisfies readonly { value: string; label: MessageKey }[];

/**
 * A stored disposition in words; one this console does not know is shown as stored.
 *
 * @example
 * dispositionLabel('follow-up'); // 'Follow-up needed'
 * dispositionLabel('vip'); // 'vip'
 */
export function dispositionLabel(value: string): string {
  const known = DISPOSITIONS.find((d) => d.value === value);
  return known ? t(known.label) : value;
}
