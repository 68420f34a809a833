// test-only: finished calls written straight to the call log, for call-log REST tests
import type { EndedCall, MetaError, RingingCall } from '@ringside/calls';
import type { CallOutcome, Channel } from '@ringside/contracts';
import { randomBytes } from 'node:crypto';
import type { RingsideApp } from '../create-app';
import type { TestWorkspace } from './test-stack';

export interface PastCall {
  channel?: Channel;
  /** the customer: a wa_id (WhatsApp) or a PSID (Messenger) */
  from?: string;
  name?: string;
  outcome?: CallOutcome;
  agentId?: string;
  /** when it started ringing, epoch ms */
  at: number;
  /** how long it was answered for; unanswered when left out */
  talkedSec?: number;
  metaError?: MetaError;
}

/**
 * Stores a call as the call service would over its life: ringing first (which fixes its start
 * in the log), then ended with its outcome. Resolves with the call's id.
 *
 * @example
 * const id = await storePastCall(stack().app, ws, { at: Date.now() - 60_000, outcome: 'missed' });
 */
export async function storePastCall(
  app: RingsideApp,
  ws: TestWorkspace,
  past: PastCall,
): Promise<string> {
  const channel = past.channel ?? 'whatsapp';
  const endpointId = channel === 'whatsapp' ? ws.phoneNumberId : ws.pageId;
  const channelId = channel === 'whatsapp' ? ws.whatsappChannelId : ws.messengerChannelId;
  const base = {
    id: `${channel === 'whatsapp' ? 'wacid.' : 'c_'}${randomBytes(16).toString('base64url')}`,
    channel,
    direction: 'inbound' as const,
    endpointId,
    caller: { id: past.from ?? '918097530000', ...(past.name ? { name: past.name } : {}) },
    called: { id: endpointId },
    mediaVersion: 0,
    appliedKeys: [],
  };
  const ringing: RingingCall = {
    ...base,
    state: 'ringing',
    offeredAt: past.at,
    agentsOffered: past.agentId ? [past.agentId] : [],
    agentsDeclined: [],
    strategy: 'all',
  };
  const answeredAt = past.talkedSec === undefined ? undefined : past.at + 5_000;
  const endedAt = (answeredAt ?? past.at + 30_000) + (past.talkedSec ?? 0) * 1000;
  const ended: EndedCall = {
    ...base,
    state: 'ended',
    outcome: past.outcome ?? (answeredAt === undefined ? 'missed' : 'completed'),
    endedAt,
    ...(answeredAt === undefined ? {} : { answeredAt, durationSec: past.talkedSec }),
    ...(past.agentId ? { agentId: past.agentId } : {}),
    ...(past.metaError ? { metaError: past.metaError } : {}),
  };
  let rowId = '';
  for (const model of [ringing, ended]) {
    const row = await app.repos.calls.withCallLock(model.id, (_current, tx) =>
      app.repos.calls.saveCall(tx, { workspaceId: ws.id, channelId, model }),
    );
    rowId = row.id;
  }
  return rowId;
}
