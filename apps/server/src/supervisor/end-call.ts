import type { CallEvent } from '@ringside/calls';
import type { SessionUser } from '../auth/require-session';
import type { CallService } from '../calls/call-service';
import { AppError } from '../http/app-error';
import type { Repos } from '../repos';
import type { CallRow } from '../repos/calls';
import type { UnitOfWork } from '../repos/unit-of-work';

/**
 * The event that ends a call the way its owner would: a ringing call is rejected at Meta (as if
 * its ring timed out, so it counts as missed); a call an agent took is hung up for that agent —
 * terminated at Meta once live, rejected while still being set up. Undefined once it is over.
 *
 * @example
 * endingEvent(activeRow, Date.now()); // { kind: 'agent.hangup', agentId: 'u_1', … }
 */
export function endingEvent(row: CallRow, occurredAt: number): CallEvent | undefined {
  const model = row.model;
  const callId = row.metaCallId;
  switch (model.state) {
    case 'ringing':
      return { kind: 'ring.timeout', callId, occurredAt };
    case 'claimed':
    case 'active':
    case 'dialing':
    case 'outbound-ringing':
      return { kind: 'agent.hangup', callId, agentId: model.agentId, occurredAt };
    case 'ended':
    case 'tombstone':
      return undefined;
  }
}

/**
 * A supervisor ends a call: through the call model like any ending (Graph request, agents and
 * boards told, outgoing events), with who did it on the call's timeline and in the audit log.
 *
 * @example
 * const row = await endCallAsSupervisor({ repos, calls, unitOfWork, clock }, supervisor, callId);
 * row.state; // 'ended'
 */
export async function endCallAsSupervisor(
  deps: { repos: Repos; calls: CallService; unitOfWork: UnitOfWork; clock: () => Date },
  supervisor: SessionUser,
  callId: string,
): Promise<CallRow> {
  const ws = supervisor.workspaceId;
  const detail = await deps.repos.calls.getCall(ws, callId);
  if (!detail) throw new AppError('not_found', 404, 'No call with that id in your workspace.');
  const channel = await deps.repos.channels.getChannel(ws, detail.call.channelId);
  if (!channel) throw new AppError('not_found', 404, 'That call’s channel no longer exists.');
  const now = deps.clock();
  const event = endingEvent(detail.call, now.getTime());
  if (!event) throw new AppError('invalid_state', 409, 'This call has already ended.');
  const applied = await deps.calls.feed(channel, event);
  if (!applied.changed || !applied.row) {
    // it moved on between our read and our event (answered, or ended by someone else)
    throw new AppError('invalid_state', 409, 'This call just changed; look at the board again.');
  }
  const row = applied.row;
  await deps.unitOfWork(async (repos, tx) => {
    await repos.calls.appendCallEvent(tx, {
      callId: row.id,
      workspaceId: ws,
      kind: 'supervisor.end',
      data: { by: supervisor.userId, name: supervisor.name },
      occurredAt: now,
    });
    await repos.auditLog.record({
      workspaceId: ws,
      actor: { userId: supervisor.userId, name: supervisor.name, email: supervisor.email },
      action: 'call.end',
      target: { type: 'call', id: row.id, label: row.callerName ?? row.callerId ?? row.metaCallId },
      changes: { outcome: row.outcome },
    });
  });
  return row;
}
