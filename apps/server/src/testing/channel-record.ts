import type { ChannelRecord } from '../repos/channel-rows';

/**
 * A WhatsApp line as the repository returns it, with the server's defaults (ring all agents
 * for 45 s, no after-call work, no recording, audio direct), for unit tests that need a channel
 * without a database. `over` sets what the test is about.
 *
 * @example
 * const anchored = channelRecord({ mediaMode: 'anchored' });
 * const page = channelRecord({ kind: 'messenger', externalId: '106378625516309', wabaId: null });
 */
export function channelRecord(over: Partial<ChannelRecord> = {}): ChannelRecord {
  return {
    id: '0c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f',
    workspaceId: '1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a',
    kind: 'whatsapp',
    externalId: '115017831530658',
    wabaId: '114255454940862',
    displayNumber: '+15550100100',
    name: 'Support line',
    enabled: true,
    ringStrategy: 'all',
    ringTimeoutSec: 45,
    agentTimeoutSec: 15,
    whenNobodyAvailable: 'keep-ringing',
    wrapUp: 'off',
    wrapUpSec: 30,
    queueLimitSec: 120,
    mediaCapture: 'off',
    mediaPurpose: null,
    mediaAnnouncementLanguage: null,
    mediaRetentionDays: 90,
    mediaMode: 'direct',
    tokenSet: true,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...over,
  };
}
