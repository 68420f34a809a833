import type { AbuseLimits } from '../abuse-limits';
import type { ListenIn } from '../anchor/listen-in';
import type { Transfers } from '../anchor/transfers';
import type { AgentCommands } from '../calls/agent-commands';
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';
import type { PresenceWriter } from '../presence/presence-writer';
import type { Repos } from '../repos';
import { limitCommands } from './command-limits';
import { handleConnections } from './connection-lifecycle';
import { createGhostSweep } from './ghost-consoles';
import { guardSocketSessions } from './session-bound';
import { capSocketsPerUser } from './socket-cap';
import type { RingsideServer } from './socket-types';

/**
 * Everything a console's socket goes through, in order: sign-in (bound to its session), the cap
 * on consoles per user (after sign-in, so the user is known), per-command rate limits, then the
 * connection's rooms, presence and commands. Also the sweeps that keep it honest: sessions that
 * ended elsewhere, and console counts a crashed server left behind.
 *
 * @example
 * const sockets = wireConsoleSockets(io, { repos, commands, clock, logger, metrics, … });
 * await sockets.ghosts.runOnce(); // before listening
 * sockets.sessionGuard.start();
 * sockets.ghosts.start();
 */
export function wireConsoleSockets(
  io: RingsideServer,
  deps: {
    repos: Repos;
    commands: AgentCommands;
    /** supervisors listening in on anchored calls */
    listenIn: ListenIn;
    transfers: Transfers;
    clock: () => Date;
    logger: Logger;
    metrics: Metrics;
    /** the one writer of agents' status: consoles connecting and closing */
    presence: Pick<PresenceWriter, 'connected' | 'disconnected' | 'announce'>;
    publicOrigins: readonly string[];
    limits: Pick<AbuseLimits, 'socketsPerUser' | 'commandRates'>;
    clustered: boolean;
    /** how often sessions are re-checked and expired ones purged (default 1 min) */
    sessionSweepMs?: number | undefined;
    /** how often console counts are corrected (default 5 s) */
    ghostSweepMs?: number | undefined;
  },
) {
  const { repos, clock, logger } = deps;
  const sessionGuard = guardSocketSessions(io, {
    ...{ repos, clock, logger, publicOrigins: deps.publicOrigins },
    periodMs: deps.sessionSweepMs,
  });
  io.use(capSocketsPerUser(io, { max: deps.limits.socketsPerUser, logger }));
  io.on('connection', (socket) =>
    limitCommands(socket, deps.limits.commandRates, () => clock().getTime()),
  );
  handleConnections(io, {
    repos,
    commands: deps.commands,
    listenIn: deps.listenIn,
    transfers: deps.transfers,
    clock,
    logger,
    metrics: deps.metrics,
    presence: deps.presence,
  });
  const ghosts = createGhostSweep({
    io,
    presence: repos.presence,
    clock,
    logger,
    announce: deps.presence.announce,
    clustered: deps.clustered,
    ...(deps.ghostSweepMs === undefined ? {} : { periodMs: deps.ghostSweepMs }),
  });
  return { sessionGuard, ghosts };
}
