import { transition } from '@ringside/calls';
import { describe, expect, it } from 'vitest';
import { ringingCall } from '../testing/test-seed';
import { TIMELINE_MAX_AGENT_IDS, timelineEntry } from './timeline';

const ringing = ringingCall({ id: 'wacid.T1' });

function offered(count: number) {
  const agentIds = Array.from({ length: count }, (_, i) => `agent-${i}`);
  const event = {
    kind: 'ring.offered' as const,
    callId: ringing.id,
    agentIds,
    strategy: 'all' as const,
    occurredAt: ringing.offeredAt + 1_000,
  };
  return { agentIds, entry: timelineEntry(event, transition(ringing, event)) };
}

describe('timeline entries', () => {
  it('names the agents a ring was offered to', () => {
    const { agentIds, entry } = offered(3);
    expect(entry).toEqual({
      kind: 'ring.offered',
      data: { agentCount: 3, agentIds },
      occurredAt: new Date(ringing.offeredAt + 1_000),
    });
  });

  it('counts, without naming, the agents of a ring offered to a whole large floor', () => {
    expect(offered(TIMELINE_MAX_AGENT_IDS).entry.data['agentIds']).toHaveLength(
      TIMELINE_MAX_AGENT_IDS,
    );
    const { entry } = offered(1_000);
    expect(entry.data).toEqual({ agentCount: 1_000 });
    expect(JSON.stringify(entry).length).toBeLessThan(200);
  });

  it('records webhook events under webhook.* with the state change', () => {
    const event = {
      kind: 'agent.claim' as const,
      callId: ringing.id,
      agentId: 'agent-0',
      occurredAt: ringing.offeredAt + 2_000,
    };
    const rung = { ...ringing, agentsOffered: ['agent-0'] };
    expect(timelineEntry(event, transition(rung, event)).data).toEqual({
      from: 'ringing',
      to: 'claimed',
      agentId: 'agent-0',
    });
  });
});
