// test helpers for the supervisor board
import type {
  AgentView,
  BoardCounters,
  BoardSnapshotPayload,
  CallSummary,
  CallView,
} from '@ringside/contracts';

export const T0 = Date.parse('2026-03-02T09:00:00.000Z');
export const at = (offsetMs: number) => new Date(T0 + offsetMs).toISOString();

export function callView(id: string, overrides: Partial<CallView> = {}): CallView {
  return {
    id,
    channel: 'whatsapp',
    direction: 'inbound',
    state: 'ringing',
    caller: { name: 'Rahul', number: '+918097530000' },
    called: { channelId: 'ch1', label: '+91 91299 50000' },
    startedAt: at(0),
    ...overrides,
  };
}

export function agentView(userId: string, name: string, overrides: Partial<AgentView> = {}) {
  return { userId, name, status: 'available', since: at(0), ...overrides } satisfies AgentView;
}

export const NO_COUNTERS: BoardCounters = {
  waiting: 0,
  answered: 0,
  missed: 0,
  averageAnswerMs: null,
  answeredWithin20sShare: null,
};

export function snapshot(overrides: Partial<BoardSnapshotPayload> = {}): BoardSnapshotPayload {
  return { calls: [], agents: [], counters: NO_COUNTERS, ...overrides };
}

export function summary(id: string, overrides: Partial<CallSummary> = {}): CallSummary {
  return {
    id,
    channel: 'whatsapp',
    direction: 'inbound',
    state: 'ended',
    caller: { name: 'Rahul', number: '+918097530000' },
    called: { channelId: 'ch1', label: '+91 91299 50000' },
    startedAt: at(0),
    ...overrides,
  };
}
