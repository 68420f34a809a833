import type { AgentRef } from '@ringside/contracts';
import type { QueueTarget } from '../../calls/CallTransfer';
import { t } from '../../i18n/i18n';
import type { OutgoingTransfer, TransferTarget } from '../../state/types';

/**
 * What the transfer form can send the call to: every colleague listed, then each line's queue
 * with someone available now (a queue with nobody is listed, disabled, but cannot be picked).
 * Empty: nobody else can take the call.
 *
 * @example
 * transferChoices([bo], [{ channelId: 'ch1', name: 'Sales', available: 0 }]); // [{ kind: 'agent', agent: bo }]
 */
export function transferChoices(agents: AgentRef[], queues: QueueTarget[]): TransferTarget[] {
  return [
    ...agents.map((agent): TransferTarget => ({ kind: 'agent', agent })),
    ...queues
      .filter((queue) => queue.available > 0)
      .map(({ channelId, name }): TransferTarget => ({
        kind: 'queue',
        queue: { channelId, name },
      })),
  ];
}

/**
 * A target's value in the form's select (user ids and channel ids are kept apart).
 *
 * @example
 * choiceValue({ kind: 'queue', queue: { channelId: 'ch1', name: 'Sales' } }); // 'queue:ch1'
 */
export function choiceValue(target: TransferTarget): string {
  return target.kind === 'agent'
    ? `agent:${target.agent.userId}`
    : `queue:${target.queue.channelId}`;
}

/**
 * A queue as the select lists it: "Sales queue (2 available)".
 *
 * @example
 * queueOption({ channelId: 'ch1', name: 'Sales', available: 2 }); // 'Sales queue (2 available)'
 */
export function queueOption(queue: QueueTarget): string {
  return t('transfer.queue.option', { line: queue.name, count: queue.available });
}

/**
 * Where the agent's transfer stands: ringing a colleague or a queue (nobody of it named yet), or
 * talking with whoever took it.
 *
 * @example
 * underWayWords({ callId, queue: sales, mode: 'cold', step: 'ringing' }); // 'Transferring to the Sales queue… the customer hears hold music'
 */
export function underWayWords(transfer: OutgoingTransfer): string {
  const name = transfer.to?.name.trim() || t('transfer.colleague');
  if (transfer.step === 'consulting') return t('transfer.consulting', { name });
  return !transfer.to && transfer.queue
    ? t('transfer.queue.ringing', { line: transfer.queue.name })
    : t('transfer.ringing', { name });
}
