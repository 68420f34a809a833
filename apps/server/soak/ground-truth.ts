// soak-only: what the call log must say, from what the simulator (Meta) saw, and the differences
import type { CallSummary } from '@ringside/contracts';
import type { RecordedRequest, SimCallSnapshot } from '@ringside/meta-sim';
import type { Plan } from './agent-consoles';

export interface Mismatch {
  metaCallId: string;
  problem: string;
}

/**
 * The outcome Ringside must record for a call Meta ended this way. `rejectSent`: Ringside sent
 * Meta a reject (refused when Meta had just ended the call unanswered: every agent declined as
 * Meta's ring ran out, and the log says so).
 */
export function expectedOutcome(
  call: SimCallSnapshot,
  plan: Plan | undefined,
  rejectSent = false,
): string {
  if (call.acceptedAt !== null) {
    return call.reason === 'media-timeout' || call.reason === 'media-idle' ? 'failed' : 'completed';
  }
  if (plan === 'decline' && (call.reason === 'business-rejected' || rejectSent)) return 'declined';
  return 'missed';
}

const ACTIONS = ['pre_accept', 'accept', 'reject', 'terminate'] as const;

/**
 * Compares the call log with the simulator's calls and Graph requests: every call once, ended,
 * with the right outcome; each Graph action Meta accepted at most once, and exactly the ones that
 * made Meta's call end as it did.
 */
export function compareWithTruth(
  simCalls: SimCallSnapshot[],
  plans: Map<string, Plan>,
  log: CallSummary[],
  requests: RecordedRequest[],
): { mismatches: Mismatch[]; actions: Record<string, number>; refused: number } {
  const mismatches: Mismatch[] = [];
  const byMetaId = new Map<string, CallSummary[]>();
  for (const row of log) {
    const key = row.metaCallId ?? `(no meta id) ${row.id}`;
    byMetaId.set(key, [...(byMetaId.get(key) ?? []), row]);
  }
  const actions: Record<string, number> = Object.fromEntries(ACTIONS.map((a) => [a, 0]));
  let refused = 0;
  const okActions = new Map<string, Map<string, number>>();
  const rejectSent = new Set<string>();
  for (const request of requests) {
    if (request.edge !== 'calls' || request.action === null || request.callId === null) continue;
    if (request.action === 'reject') rejectSent.add(request.callId);
    if (request.status < 200 || request.status >= 300) {
      refused += 1;
      continue;
    }
    actions[request.action] = (actions[request.action] ?? 0) + 1;
    const perCall = okActions.get(request.callId) ?? new Map<string, number>();
    perCall.set(request.action, (perCall.get(request.action) ?? 0) + 1);
    okActions.set(request.callId, perCall);
  }

  for (const call of simCalls) {
    const rows = byMetaId.get(call.id) ?? [];
    byMetaId.delete(call.id);
    const plan = plans.get(call.userId);
    const seen = `sim: ${call.history.join('→')} (${call.reason ?? 'live'}), plan ${plan ?? '?'}`;
    if (rows.length === 0) mismatches.push({ metaCallId: call.id, problem: `lost; ${seen}` });
    if (rows.length > 1)
      mismatches.push({ metaCallId: call.id, problem: `${rows.length} rows; ${seen}` });
    const row = rows[0];
    if (row && row.state !== 'ended')
      mismatches.push({ metaCallId: call.id, problem: `stuck ${row.state}; ${seen}` });
    const expected = expectedOutcome(call, plan, rejectSent.has(call.id));
    if (row && row.state === 'ended' && row.outcome !== expected)
      mismatches.push({
        metaCallId: call.id,
        problem: `outcome ${row.outcome ?? 'none'}, expected ${expected}; ${seen}`,
      });
    const done = okActions.get(call.id) ?? new Map<string, number>();
    for (const [action, count] of done) {
      if (count > 1)
        mismatches.push({ metaCallId: call.id, problem: `${action} delivered ${count} times` });
    }
    const must = {
      accept: call.acceptedAt !== null,
      reject: call.reason === 'business-rejected',
      terminate: call.reason === 'business-terminated',
    };
    for (const [action, wanted] of Object.entries(must)) {
      if (wanted !== done.has(action))
        mismatches.push({
          metaCallId: call.id,
          problem: `${action} ${wanted ? 'never delivered' : 'delivered though Meta did not end it so'}; ${seen}`,
        });
    }
  }
  for (const [metaCallId, rows] of byMetaId)
    mismatches.push({ metaCallId, problem: `${rows.length} row(s) for a call Meta never had` });
  return { mismatches, actions, refused };
}
