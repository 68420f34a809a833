import type { CallNotesBody } from '@ringside/contracts';
import { readNothing, type ApiResult } from './http';
import type { RestClient } from './rest-client';

/**
 * What the agent's console does to a call over REST: save the wrap-up, and end the call when
 * the tab is closing (the socket cannot be relied on then).
 *
 * @example
 * const api = new CallActionsApi(rest);
 * await api.saveWrapUp(callId, { notes: 'Refund issued', disposition: 'resolved' });
 */
export class CallActionsApi {
  constructor(private readonly rest: RestClient) {}

  saveWrapUp(callId: string, body: CallNotesBody): Promise<ApiResult<null>> {
    return this.rest.post(`/api/calls/${encodeURIComponent(callId)}/wrap-up`, body, readNothing);
  }

  /**
   * Ends the call from a closing tab: `keepalive` lets the request outlive the page, so the
   * call is terminated on Meta's side instead of being left open. Fire and forget.
   */
  hangUpOnUnload(callId: string): void {
    void this.rest.post(`/api/calls/${encodeURIComponent(callId)}/hangup`, undefined, readNothing, {
      keepalive: true,
    });
  }

  /**
   * Tells the server this tab is closing on the call (`keepalive`, fire and forget): a direct
   * call ends at once, its audio going with the tab; an anchored call waits a few seconds for
   * the tab to come back and rejoin it (a reload), then ends.
   */
  leaveOnUnload(callId: string): void {
    void this.rest.post(
      `/api/calls/${encodeURIComponent(callId)}/tab-closed`,
      undefined,
      readNothing,
      { keepalive: true },
    );
  }
}
