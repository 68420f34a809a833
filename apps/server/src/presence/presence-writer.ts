import type { AgentStatus, AgentView, WrapUpMode } from '@ringside/contracts';
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

/** the after-call work a call's channel gives: its mode and, when timed, its length */
export interface WrapUpPolicy {
  readonly callId: string;
  readonly mode: WrapUpMode;
  readonly sec: number;
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
  /** timed after-call work began: end it at `until` (wrap-up-clock.ts) */
  wrapUpStarted?: (workspaceId: string, userId: string, until: Date) => void;
  /**
   * the server made the agent available (their call or after-call work ended): calls waiting
   * on their lines are offered to them. Their own choice is the command's to follow up.
   */
  becameAvailable?: (workspaceId: string, userId: string) => Promise<void>;
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
    wrapUp?: { callId: string; until: Date | null },
  ): Promise<StatusChange> {
    const current = (await deps.repos.presence.getPresence(workspaceId, userId))?.status;
    const onCall = needsCallFact(current, reason)
      ? await deps.repos.calls.hasActiveCall(workspaceId, userId)
      : false;
    const decided = nextStatus(current, reason, { onCall });
    if (!('status' in decided)) return decided;
    const moved = decided.status !== current;
    if (moved) {
      const now = deps.clock();
      // the call's handle time takes in the after-call work that followed it
      if (current === 'wrap-up') await deps.repos.presence.endWrapUp(userId, now);
      await deps.repos.presence.setPresence(userId, workspaceId, decided.status, now, wrapUp);
    }
    if (moved || reason.kind === 'chose' || reason.kind === 'back-online') {
      await announce(workspaceId, userId);
    }
    if (moved && decided.status === 'available' && reason.kind !== 'chose') {
      await deps.becameAvailable?.(workspaceId, userId);
    }
    return { status: decided.status, moved };
  }

  return {
    change,
    announce,
    /**
     * their call ended: idle from now, and a busy agent goes `back` to where they were — or,
     * when the call's channel gives after-call work, into `wrap-up` first
     */
    async callEnded(
      workspaceId: string,
      userId: string,
      back: 'available' | 'away',
      wrapUp?: WrapUpPolicy,
    ): Promise<StatusChange> {
      const now = deps.clock();
      await deps.repos.presence.recordCallEnded(userId, now);
      const on = wrapUp !== undefined && wrapUp.mode !== 'off';
      const until = wrapUp?.mode === 'timed' ? new Date(now.getTime() + wrapUp.sec * 1000) : null;
      const changed = await change(
        workspaceId,
        userId,
        { kind: 'call-over', back, wrapUp: on },
        on && wrapUp ? { callId: wrapUp.callId, until } : undefined,
      );
      if ('status' in changed && changed.status === 'wrap-up' && until) {
        deps.wrapUpStarted?.(workspaceId, userId, until);
      }
      return changed;
    },
    /** ends the agent's timed after-call work if its time has run out (not a later one's) */
    async wrapUpExpired(workspaceId: string, userId: string): Promise<void> {
      const presence = await deps.repos.presence.getPresence(workspaceId, userId);
      const until = presence?.wrapUpUntil;
      if (presence?.status !== 'wrap-up' || !until || until > deps.clock()) return;
      await change(workspaceId, userId, { kind: 'wrap-up-over' });
    },
    /** they saved the notes of `callId`: the after-call work for that call is over */
    async wrapUpSaved(workspaceId: string, userId: string, callId: string): Promise<void> {
      const presence = await deps.repos.presence.getPresence(workspaceId, userId);
      if (presence?.status !== 'wrap-up' || presence.wrapUpCallId !== callId) return;
      await change(workspaceId, userId, { kind: 'wrap-up-over' });
    },
    /** a console connected: an offline agent comes back away, or busy when a call is live */
    async connected(workspaceId: string, userId: string): Promise<void> {
      await deps.repos.presence.connectionOpened(userId, workspaceId, deps.clock());
      await change(workspaceId, userId, { kind: 'back-online' });
    },
    /** a console closed: the last one makes the agent offline (ending any after-call work) */
    async disconnected(workspaceId: string, userId: string): Promise<void> {
      const now = deps.clock();
      const row = await deps.repos.presence.connectionClosed(userId, now);
      if (row?.status === 'offline' && row.wrapUpCallId) {
        await deps.repos.presence.endWrapUp(userId, now);
      }
      await announce(workspaceId, userId);
    },
  };
}

export type PresenceWriter = ReturnType<typeof createPresenceWriter>;
