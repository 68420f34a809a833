import type {
  AgentView,
  CallClaimedPayload,
  CallEndedPayload,
  CallPermissionPayload,
  CallRemoteSdpPayload,
  CallRingingPayload,
  CallTransferProgressPayload,
  CallView,
} from '@ringside/contracts';

/**
 * What calls tell consoles, addressed to agents (by user id) and to a workspace's supervisors.
 * The socket layer implements it (`sockets/notifier.ts`); calls never reach for sockets.
 *
 * @example
 * notifications.ringing(['u1', 'u2'], payload); // call:ringing on those agents' consoles
 */
export interface CallNotifications {
  /** `call:ringing` to these agents */
  ringing(userIds: readonly string[], payload: CallRingingPayload): void;
  /** `call:claimed` to these agents: someone else took the call */
  claimed(userIds: readonly string[], payload: CallClaimedPayload): void;
  /** `call:ended` to these agents and the workspace's supervisors */
  ended(workspaceId: string, userIds: readonly string[], payload: CallEndedPayload): void;
  /** `call:updated` to these agents and the workspace's supervisors */
  callUpdated(workspaceId: string, userIds: readonly string[], view: CallView): void;
  /** `call:remote-sdp` to the agent on the call */
  remoteSdp(userId: string, payload: CallRemoteSdpPayload): void;
  /** `call:permission` to whoever may call from the channel (everyone when nobody is assigned) */
  permission(
    workspaceId: string,
    assignedUserIds: readonly string[],
    payload: CallPermissionPayload,
  ): void;
  /** `call:transfer-progress` to the agent handing their call over */
  transferProgress(userId: string, payload: CallTransferProgressPayload): void;
  /** `agent:updated` to the agent and the workspace's supervisors */
  agentUpdated(workspaceId: string, view: AgentView): void;
}

/** Told when a call rang, was answered or ended: the supervisors' counters are due again. */
export interface BoardCountersSignal {
  changed(workspaceId: string): void;
}
