// the server's view of a call, as the calls' tests have it announce one
import type { CallView } from '@ringside/contracts';
import { ME } from '../../state/testing';

/** our agent's anchored WhatsApp call from Rahul, in progress since `answeredAt` */
export function anchoredCallView(
  id: string,
  answeredAt: number,
  extra: Partial<CallView> = {},
): CallView {
  return {
    id,
    channel: 'whatsapp',
    direction: 'inbound',
    state: 'active',
    agent: { userId: ME.id, name: ME.name },
    caller: { name: 'Rahul', number: '+918097530000' },
    called: { channelId: 'ch1', label: '+91 91299 50000' },
    answeredAt: new Date(answeredAt).toISOString(),
    anchored: true,
    ...extra,
  };
}
