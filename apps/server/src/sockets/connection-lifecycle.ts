import type { ListenIn } from '../anchor/listen-in';
import type { Transfers } from '../anchor/transfers';
import type { AgentCommands } from '../calls/agent-commands';
import { toCallView } from '../calls/call-views';
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';
import type { Repos } from '../repos';
import type { PresenceWriter } from '../presence/presence-writer';
import { ringAgainPayload } from '../calls/ring-again';
import { buildBoardSnapshot } from './board-snapshot';
import { registerCommandHandlers } from './command-handlers';
import { agentRoom, supervisorsRoom, workspaceRoom } from './rooms';
import type { RingsideServer, RingsideSocket } from './socket-types';

/**
 * What happens when a console connects: it joins its rooms, its presence is counted, it gets the
 * state it may have missed (its own status, calls ringing for it or in progress with it; the
 * board for supervisors), and its commands are wired. On the last disconnect the agent is offline.
 */
export function handleConnections(
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
    presence: Pick<PresenceWriter, 'connected' | 'disconnected'>;
  },
): void {
  io.on('connection', (socket: RingsideSocket) => {
    const { userId, workspaceId, role } = socket.data;
    deps.metrics.sockets.inc();
    void socket.join([workspaceRoom(workspaceId), agentRoom(userId)]);
    if (role === 'supervisor' || role === 'admin') void socket.join(supervisorsRoom(workspaceId));
    registerCommandHandlers(socket, deps.commands, deps.logger, deps.listenIn, deps.transfers);

    const welcome = async () => {
      // back from a dropped connection in the middle of a call: still busy, not away
      await deps.presence.connected(workspaceId, userId);
      await sendMissedState(socket, deps.repos);
      // transfers under way: an offer still ringing for them, or where theirs stands
      const transfers = deps.transfers.standingFor(workspaceId, userId);
      for (const offer of transfers.offers) socket.emit('call:transfer-offered', offer);
      for (const progress of transfers.progress) socket.emit('call:transfer-progress', progress);
      if (role === 'supervisor' || role === 'admin') {
        socket.emit(
          'board:snapshot',
          await buildBoardSnapshot(deps.repos, workspaceId, deps.clock()),
        );
      }
    };
    welcome().catch((error: unknown) =>
      deps.logger.error({ err: error, userId }, 'socket welcome failed'),
    );

    socket.on('disconnect', () => {
      deps.metrics.sockets.dec();
      const goodbye = async () => {
        await deps.presence.disconnected(workspaceId, userId);
      };
      goodbye().catch((error: unknown) =>
        deps.logger.error({ err: error, userId }, 'socket goodbye failed'),
      );
    });
  });
}

/** a reconnecting console catches up without a reload: calls ringing for it and its own calls */
async function sendMissedState(socket: RingsideSocket, repos: Repos): Promise<void> {
  const { userId, workspaceId } = socket.data;
  for (const row of await repos.calls.liveCalls(workspaceId)) {
    const model = row.model;
    if (model.state === 'ringing' && model.agentsOffered.includes(userId)) {
      const channel = await repos.channels.getChannel(workspaceId, row.channelId);
      if (channel) socket.emit('call:ringing', await ringAgainPayload(repos, channel, row, userId));
    } else if (row.agentId === userId) {
      socket.emit('call:updated', toCallView(row, socket.data.name));
    }
  }
}
