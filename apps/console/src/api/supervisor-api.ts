import {
  agentViewSchema,
  boardSnapshotPayloadSchema,
  callViewSchema,
  type AgentView,
  type BoardSnapshotPayload,
  type CallView,
} from '@ringside/contracts';
import type { ApiResult } from './http';
import { readWith, segment } from './read-schema';
import type { RestClient } from './rest-client';

const readBoard = readWith(boardSnapshotPayloadSchema);
const readCall = readWith(callViewSchema);
const readAgent = readWith(agentViewSchema);

/**
 * `/api/supervisor`: the board as a snapshot (the same payload `board:snapshot` carries), ending
 * a call, and setting an agent Away. Supervisors and admins only; agents get 403.
 *
 * @example
 * const api = new SupervisorApi(new RestClient());
 * const ended = await api.endCall(callId);
 * if (!ended.ok) show(ended.error.message); // e.g. 'This call has already ended.'
 */
export class SupervisorApi {
  constructor(private readonly rest: RestClient) {}

  board(): Promise<ApiResult<BoardSnapshotPayload>> {
    return this.rest.get('/api/supervisor/board', readBoard);
  }

  /** terminates the call at Meta (a ringing one is rejected and counts as missed) */
  endCall(callId: string): Promise<ApiResult<CallView>> {
    return this.rest.post(`/api/supervisor/calls/${segment(callId)}/end`, undefined, readCall);
  }

  /** the agent stops being offered calls; refused for an agent on a call or signed out */
  setAway(userId: string): Promise<ApiResult<AgentView>> {
    return this.rest.post(`/api/supervisor/agents/${segment(userId)}/away`, undefined, readAgent);
  }
}
