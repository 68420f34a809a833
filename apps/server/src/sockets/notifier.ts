import type {
  AgentView,
  CallClaimedPayload,
  CallEndedPayload,
  CallRemoteSdpPayload,
  CallRingingPayload,
  CallView,
} from '@ringside/contracts';
import { agentRoom, supervisorsRoom } from './rooms';
import type { RingsideServer } from './socket-types';

/**
 * Everything the server tells consoles, addressed to rooms only: an agent's own sockets or the
 * workspace's supervisors. There is no broadcast to everyone.
 *
 * @example
 * notifier.ringing(['u1', 'u2'], payload);
 */
export function createNotifier(io: RingsideServer) {
  return {
    ringing(userIds: readonly string[], payload: CallRingingPayload): void {
      if (userIds.length > 0) io.to(userIds.map(agentRoom)).emit('call:ringing', payload);
    },
    claimed(userIds: readonly string[], payload: CallClaimedPayload): void {
      if (userIds.length > 0) io.to(userIds.map(agentRoom)).emit('call:claimed', payload);
    },
    ended(workspaceId: string, userIds: readonly string[], payload: CallEndedPayload): void {
      io.to([...userIds.map(agentRoom), supervisorsRoom(workspaceId)]).emit('call:ended', payload);
    },
    callUpdated(workspaceId: string, userIds: readonly string[], view: CallView): void {
      io.to([...userIds.map(agentRoom), supervisorsRoom(workspaceId)]).emit('call:updated', view);
    },
    remoteSdp(userId: string, payload: CallRemoteSdpPayload): void {
      io.to(agentRoom(userId)).emit('call:remote-sdp', payload);
    },
    agentUpdated(workspaceId: string, view: AgentView): void {
      io.to([agentRoom(view.userId), supervisorsRoom(workspaceId)]).emit('agent:updated', view);
    },
  };
}

export type Notifier = ReturnType<typeof createNotifier>;
