import type { Logger } from '../ops/logger';
import { periodic } from '../ops/periodic';
import type { PresenceRepo } from '../repos/presence';
import type { RingsideServer } from './socket-types';

/** how often each node compares the consoles the database counts with those connected */
export const GHOST_SWEEP_PERIOD_MS = 5_000;

/**
 * Consoles the database still counts after the server holding them died: a crash never ran their
 * disconnect, so the agent stays "available" with no console to ring, and calls are offered to
 * nobody (under longest-idle, a turn is lost on them). This puts each agent's console count back
 * to the consoles really connected — across the cluster, `fetchSockets` asks every node — and an
 * agent with none is offline until a console of theirs reconnects.
 *
 * A console connecting or leaving meanwhile changes the count, and the recount of that agent
 * is skipped. In a cluster a node's view of the others can lag (a node joining, a slow answer), so
 * an agent is recounted only when two rounds in a row found fewer consoles than counted; alone,
 * one round is enough, and `runOnce` at start-up leaves no ghost to be rung.
 *
 * @example
 * const ghosts = createGhostSweep({ io, presence: repos.presence, clock, logger, announce, clustered: false });
 * await ghosts.runOnce(); // before listening
 * ghosts.start();
 */
export function createGhostSweep(deps: {
  io: RingsideServer;
  presence: Pick<PresenceRepo, 'connectedAgents' | 'recount'>;
  clock: () => Date;
  logger: Logger;
  announce: (workspaceId: string, userId: string) => Promise<void>;
  clustered: boolean;
  periodMs?: number;
}) {
  const periodMs = deps.periodMs ?? GHOST_SWEEP_PERIOD_MS;
  // clustered: agents found short of consoles last round, with the count then
  let suspects = new Map<string, number>();

  async function runOnce(): Promise<number> {
    const counted = await deps.presence.connectedAgents();
    if (counted.length === 0) {
      suspects = new Map();
      return 0;
    }
    const live = new Map<string, number>();
    for (const socket of await deps.io.fetchSockets()) {
      live.set(socket.data.userId, (live.get(socket.data.userId) ?? 0) + 1);
    }
    const short = new Map<string, number>();
    let recounted = 0;
    for (const row of counted) {
      const connected = live.get(row.userId) ?? 0;
      if (connected >= row.connections) continue;
      short.set(row.userId, row.connections);
      if (deps.clustered && suspects.get(row.userId) !== row.connections) continue;
      if (!(await deps.presence.recount(row.userId, row.connections, connected, deps.clock()))) {
        continue;
      }
      recounted += 1;
      short.delete(row.userId);
      deps.logger.warn(
        { userId: row.userId, counted: row.connections, connected },
        'console count corrected: consoles gone with a server that stopped',
      );
      await deps.announce(row.workspaceId, row.userId);
    }
    suspects = short;
    return recounted;
  }

  const sweep = periodic(periodMs, runOnce, (error) =>
    deps.logger.error({ err: error }, 'ghost console sweep failed'),
  );

  return { runOnce, start: sweep.start, stop: sweep.stop };
}
