/** the dispositions an agent picks from after a call; the value is what the server stores */
export const DISPOSITIONS = [
  { value: 'resolved', label: 'Resolved' },
  { value: 'follow-up', label: 'Follow-up needed' },
  { value: 'escalated', label: 'Escalated' },
  { value: 'callback', label: 'Callback requested' },
  { value: 'wrong-number', label: 'Wrong number' },
  { value: 'spam', label: 'Spam' },
] as const;

/**
 * A stored disposition in words; one this console does not know is shown as stored.
 *
 * @example
 * dispositionLabel('follow-up'); // 'Follow-up needed'
 * dispositionLabel('vip'); // 'vip'
 */
export function dispositionLabel(value: string): string {
  return DISPOSITIONS.find((d) => d.value === value)?.label ?? value;
}
