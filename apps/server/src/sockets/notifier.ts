import type {
  AgentView,
  BoardCountersPayload,
  CallClaimedPayload,
  CallEndedPayload,
  CallPermissionPayload,
  CallRemoteSdpPayload,
  CallRingingPayload,
  CallView,
  CallTransferOfferedPayload,
  CallTransferProgressPayload,
  CallTransferWithdrawnPayload,
  CallWhisperEndedPayload,
  CallWhisperPayload,
} from '@ringside/contracts';
import type { WhisperNotices } from '../anchor/listen-in';
import type { TransferNotices } from '../anchor/transfer-notices';
import type { CallNotifications } from '../calls/ports';
import { agentRoom, supervisorsRoom, workspaceRoom } from './rooms';
import type { RingsideServer } from './socket-types';

/** what the server tells consoles: the calls' notifications, and the board's own */
export interface Notifier extends CallNotifications, WhisperNotices, TransferNotices {
  /** `board:counters` to the workspace's supervisors */
  boardCounters(workspaceId: string, counters: BoardCountersPayload): void;
  /** false only when surely no supervisor of the workspace is connected (saves the work) */
  supervisorsMayListen(workspaceId: string): boolean;
}

/**
 * Everything the server tells consoles, addressed to rooms only: an agent's own sockets or the
 * workspace's supervisors. There is no broadcast to everyone. `clustered`: other nodes share
 * the rooms (Redis adapter), so this node cannot see who listens there.
 *
 * @example
 * notifier.ringing(['u1', 'u2'], payload);
 */
export function createNotifier(
  io: RingsideServer,
  options: { clustered?: boolean } = {},
): Notifier {
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
    whisper(agentUserId: string, payload: CallWhisperPayload): void {
      io.to(agentRoom(agentUserId)).emit('call:whisper', payload);
    },
    whisperEnded(agentUserId: string, payload: CallWhisperEndedPayload): void {
      io.to(agentRoom(agentUserId)).emit('call:whisper-ended', payload);
    },
    transferOffered(userId: string, payload: CallTransferOfferedPayload): void {
      io.to(agentRoom(userId)).emit('call:transfer-offered', payload);
    },
    transferWithdrawn(userId: string, payload: CallTransferWithdrawnPayload): void {
      io.to(agentRoom(userId)).emit('call:transfer-withdrawn', payload);
    },
    transferProgress(userId: string, payload: CallTransferProgressPayload): void {
      io.to(agentRoom(userId)).emit('call:transfer-progress', payload);
    },
    /**
     * a customer's permission reply, to whoever may call from its channel: the users assigned
     * to it, or the whole workspace when nobody is (the rule `GET /api/me`'s channels follow)
     */
    permission(
      workspaceId: string,
      assignedUserIds: readonly string[],
      payload: CallPermissionPayload,
    ): void {
      const rooms =
        assignedUserIds.length > 0 ? assignedUserIds.map(agentRoom) : [workspaceRoom(workspaceId)];
      io.to(rooms).emit('call:permission', payload);
    },
    agentUpdated(workspaceId: string, view: AgentView): void {
      io.to([agentRoom(view.userId), supervisorsRoom(workspaceId)]).emit('agent:updated', view);
    },
    boardCounters(workspaceId: string, counters: BoardCountersPayload): void {
      io.to(supervisorsRoom(workspaceId)).emit('board:counters', counters);
    },
    /** false only when surely no supervisor of the workspace is connected (saves the work) */
    supervisorsMayListen(workspaceId: string): boolean {
      if (options.clustered) return true;
      return (io.of('/').adapter.rooms.get(supervisorsRoom(workspaceId))?.size ?? 0) > 0;
    },
  };
}
