/**
 * A dotted event type in words: `webhook.connect` → "Webhook: connect".
 *
 * @example
 * describeEventType('agent.claimed'); // 'Agent: claimed'
 */
export function describeEventType(type: string): string {
  const [head, ...rest] = type.split('.');
  const area = head ? head.charAt(0).toUpperCase() + head.slice(1) : type;
  return rest.length > 0 ? `${area}: ${rest.join(' ').replace(/[-_]/g, ' ')}` : area;
}
