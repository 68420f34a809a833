import type { AgentStatus, AgentView } from '@ringside/contracts';
import { startOfDay } from '../repos/board-figures';
import type { Repos } from '../repos';
import { needsCallFact, nextStatus, type PresenceReason } from './next-status';

/** what a change came to: the status stored and whether it moved, or why it was refused */
export type StatusChange =
  | { readonly status: AgentStatus; readonly moved: boolean }
  | { readonly refused: 'offline' | 'on-a-call' };

/** what changing an agent's status tells consoles: `agent:updated` to them and the board */
export interface PresenceNotifications {
  agentUpdated(workspaceId: string, view: AgentView): void;
}

/**
 * The one writer of agents' status: every change goes through {@link nextStatus}, is stored,
 * and is announced (`agent:updated` to the agent's own sockets and the supervisors, read back
 * from the database so every node announces the same thing). An agent's own choice and their
 * console connecting are announced even when the status stays, since that console waits to hear
 * it; other changes only when the status moved.
 *
 * @example
 * const presence = createPresenceWriter({ repos, notifier, clock });
 * await presence.change(workspaceId, userId, { kind: 'chose', status: 'available' });
 * await presence.callEnded(workspaceId, userId, 'available'); // busy → available, idle from now
 */
export function createPresenceWriter(deps: {
  repos: Pick<Repos, 'presence' | 'calls' | 'boardFigures'>;
  notifier: PresenceNotifications;
  clock: () => Date;
}) {
  /** tells the agent and the board where the agent stands now (reads that one agent's rows) */
  async function announce(workspaceId: string, userId: string): Promise<void> {
    const view = await deps.repos.boardFigures.agentView(
      workspaceId,
      userId,
      startOfDay(deps.clock()),
    );
    if (view) deps.notifier.agentUpdated(workspaceId, view);
  }

  /** applies the rule to the stored status; refused changes write nothing */
  async function change(
    workspaceId: string,
    userId: string,
    reason: PresenceReason,
  ): Promise<StatusChange> {
    const current = (await deps.repos.presence.getPresence(workspaceId, userId))?.status;
    const onCall = needsCallFact(current, reason)
      ? await deps.repos.calls.hasActiveCall(workspaceId, userId)
      : false;
    const decided = nextStatus(current, reason, { onCall });
    if (!('status' in decided)) return decided;
    const moved = decided.status !== current;
    if (moved) {
      await deps.repos.presence.setPresence(userId, workspaceId, decided.status, deps.clock());
    }
    if (moved || reason.kind === 'chose' || reason.kind === 'back-online') {
      await announce(workspaceId, userId);
    }
    return { status: decided.status, moved };
  }

  return {
    change,
    announce,
    /** their call ended: idle from now, and a busy agent goes `back` to where they were */
    async callEnded(workspaceId: string, userId: string, back: 'available' | 'away') {
      await deps.repos.presence.recordCallEnded(userId, deps.clock());
      return change(workspaceId, userId, { kind: 'call-over', back });
    },
    /** a console connected: an offline agent comes back away, or busy when a call is live */
    async connected(workspaceId: string, userId: string): Promise<void> {
      await deps.repos.presence.connectionOpened(userId, workspaceId, deps.clock());
      await change(workspaceId, userId, { kind: 'back-online' });
    },
    /** a console closed: the last one makes the agent offline */
    async disconnected(workspaceId: string, userId: string): Promise<void> {
      await deps.repos.presence.connectionClosed(userId, deps.clock());
      await announce(workspaceId, userId);
    },
  };
}

export type PresenceWriter = ReturnType<typeof createPresenceWriter>;
