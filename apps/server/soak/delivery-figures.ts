// soak-only: what the simulator's webhook deliveries went through, as figures
import type { WebhookDelivery } from '@ringside/meta-sim';

const RANK = (kind: string) => (kind === 'connect' ? 0 : kind === 'terminate' ? 2 : 1);

function deliveredAt(delivery: WebhookDelivery): number {
  return delivery.attempts.find((a) => a.error === null)?.at ?? Number.POSITIVE_INFINITY;
}

/**
 * duplicates sent, calls whose webhooks reached the server out of Meta's order (a terminate or
 * status before the connect, a terminate before a status), retried and failed deliveries
 */
export function deliveryFigures(deliveries: WebhookDelivery[]) {
  const byCall = new Map<string, Array<{ rank: number; at: number }>>();
  for (const delivery of deliveries) {
    for (const event of delivery.events) {
      if (event.callId === null) continue;
      const list = byCall.get(event.callId) ?? [];
      list.push({ rank: RANK(event.kind), at: deliveredAt(delivery) });
      byCall.set(event.callId, list);
    }
  }
  let reordered = 0;
  for (const list of byCall.values()) {
    const sorted = [...list].sort((a, b) => a.at - b.at);
    if (sorted.some((e, i) => i > 0 && e.rank < (sorted[i - 1]?.rank ?? 0))) reordered += 1;
  }
  return {
    deliveries: deliveries.length,
    duplicates: deliveries.filter((d) => d.duplicateOf !== null).length,
    callsReordered: reordered,
    retried: deliveries.filter((d) => d.attempts.length > 1).length,
    failed: deliveries.filter((d) => d.state === 'failed').length,
  };
}
