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

/**
 * A timeline entry's detail in a line: a state change as `from → to`, other fields as
 * `key: value`; ids are left out (the entry already names who).
 *
 * @example
 * describeEventDetail({ from: 'ringing', to: 'claimed', agentId: 'u1' }); // 'ringing → claimed'
 * describeEventDetail({ code: 138021 }); // 'code: 138021'
 */
export function describeEventDetail(detail: Record<string, unknown> | undefined): string {
  if (!detail) return '';
  const parts: string[] = [];
  const { from, to, ...rest } = detail;
  if (typeof to === 'string') {
    parts.push(typeof from === 'string' && from !== 'none' ? `${from} → ${to}` : `→ ${to}`);
  }
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined || value === null || /Ids?$/.test(key)) continue;
    parts.push(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  return parts.join(' · ');
}
