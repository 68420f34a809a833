import type { BenchContext } from './bench-context';
import type { ProcessUsage } from './capacity-protocol';
import { CAPACITY_LIMITS, coreShare, mb, perUnit } from './capacity-ramp';
import { figure } from './figures';

const BENCH = 'capacity';
const GOAL_AGENTS = 2000;
const GOAL_ACTIVE_CALLS = 1000;

/** the level a ramp reached, and why it stopped there */
export interface Reached {
  readonly level: number;
  readonly stop: string;
}

export interface CapacityRun {
  /** agents connected and calls active at the end (a ramp may have stopped past its level) */
  readonly agents: number;
  readonly active: number;
  readonly reached: {
    readonly agentsReached: Reached;
    readonly callsReached: Reached;
    readonly burstsReached: Reached;
    readonly webhooks: Reached;
  };
  /** the server's readings: started, with the agents, with the calls too, a quiet window */
  readonly usage: {
    readonly idle: ProcessUsage;
    readonly withAgents: ProcessUsage;
    readonly withCalls: ProcessUsage;
    readonly quietFrom: ProcessUsage;
    readonly quietTo: ProcessUsage;
  };
  /** server CPU spent while agents connected and set themselves available */
  readonly connectCpuMicros: number;
  /** server CPU spent while calls were set up to active */
  readonly setupCpuMicros: number;
}

/**
 * The capacity bench's summary lines: the levels reached (goals 2,000 agents and 1,000 active
 * calls), the server's RSS, and RSS and CPU per agent and per call.
 *
 * @example
 * reportCapacity(ctx, run);
 */
export function reportCapacity(ctx: BenchContext, run: CapacityRun): void {
  const { agents, active, reached, usage } = run;
  for (const [name, level] of [
    ['agents', reached.agentsReached],
    ['active calls', reached.callsReached],
    ['calls ringing at once', reached.burstsReached],
    ['webhooks/s', reached.webhooks],
  ] as const) {
    ctx.note(`capacity: ${name}: ${level.level} (stopped: ${level.stop})`);
  }
  const perAgent = perUnit(usage.idle, usage.withAgents, agents);
  const perCall = perUnit(usage.withAgents, usage.withCalls, active);
  const report = (
    metric: string,
    value: number,
    unit: string,
    goal?: { kind: 'value-at-least' | 'value-at-most'; limit: number },
  ) => ctx.report(figure({ bench: BENCH, metric, value, unit, ...(goal ? { goal } : {}) }));
  report('agents_connected', reached.agentsReached.level, 'agents', {
    kind: 'value-at-least',
    limit: GOAL_AGENTS,
  });
  report('active_calls', reached.callsReached.level, 'calls', {
    kind: 'value-at-least',
    limit: GOAL_ACTIVE_CALLS,
  });
  report('calls_ringing_at_once', reached.burstsReached.level, 'calls');
  report('webhooks_per_s', reached.webhooks.level, 'webhooks/s');
  report('rss_mb_idle', mb(usage.idle.rssBytes), 'MB');
  report(`rss_mb_at_${agents}_agents_${active}_calls`, mb(usage.withCalls.rssBytes), 'MB', {
    kind: 'value-at-most',
    limit: mb(CAPACITY_LIMITS.rssBytes),
  });
  report('rss_kb_per_agent', perAgent.rssKb, 'KB');
  report('heap_kb_per_agent', perAgent.heapKb, 'KB');
  report('cpu_ms_per_agent_connect', run.connectCpuMicros / 1000 / Math.max(agents, 1), 'ms');
  report('rss_kb_per_active_call', perCall.rssKb, 'KB');
  report('heap_kb_per_active_call', perCall.heapKb, 'KB');
  report('cpu_ms_per_call_setup', run.setupCpuMicros / 1000 / Math.max(active, 1), 'ms');
  const quiet = coreShare(usage.quietFrom, usage.quietTo);
  report(`cpu_pct_quiet_at_${agents}_agents_${active}_calls`, quiet * 100, '%');
  report('cpu_us_per_s_per_agent_quiet', (quiet * 1e6) / Math.max(agents, 1), 'us/s');
}
