// test helpers for the store
import type { Me, RingingCall } from './types';

export const ME: Me = {
  id: 'u_alex',
  email: 'agent1@demo.ringside.test',
  name: 'Alex Agent',
  role: 'agent',
  workspaceId: 'w1',
  workspaceName: 'Ringside Demo',
  channels: [
    { id: 'ch1', channel: 'whatsapp', label: '+91 91299 50000' },
    { id: 'ch2', channel: 'messenger', label: 'Acme Support' },
  ],
};

export function ringingCard(callId: string, overrides: Partial<RingingCall> = {}): RingingCall {
  return {
    callId,
    channel: 'whatsapp',
    caller: { name: 'Rahul', number: '+918097530000' },
    called: { channelId: 'ch1', label: '+91 91299 50000' },
    earlierCalls: 0,
    ringingSince: 1_000_000,
    ringTimeoutMs: 45_000,
    ...overrides,
  };
}
