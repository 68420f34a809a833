import { callbacksReplySchema, type CallbacksReply } from '@ringside/contracts';
import { callAudioUrl } from './call-audio-url';
import { readNothing, type ApiResult } from './http';
import { readWith, segment } from './read-schema';
import type { RestClient } from './rest-client';

const readList = readWith(callbacksReplySchema);

/**
 * The callback worklist: `GET /api/callbacks` (the lines the agent answers), and claim
 * ("I'll call back"), release and done on one, named by its latest missed call; the voicemail
 * that call left, when it left one.
 *
 * @example
 * const api = new CallbacksApi(rest);
 * const claimed = await api.claim(callId); // { ok: false, error: { status: 409, message: 'Ben is already calling…' } }
 */
export class CallbacksApi {
  constructor(private readonly rest: RestClient) {}

  list(): Promise<ApiResult<CallbacksReply>> {
    return this.rest.get('/api/callbacks', readList);
  }

  claim(callId: string): Promise<ApiResult<null>> {
    return this.rest.post(`/api/callbacks/${segment(callId)}/claim`, undefined, readNothing);
  }

  release(callId: string): Promise<ApiResult<null>> {
    return this.rest.post(`/api/callbacks/${segment(callId)}/release`, undefined, readNothing);
  }

  done(callId: string): Promise<ApiResult<null>> {
    return this.rest.post(`/api/callbacks/${segment(callId)}/done`, undefined, readNothing);
  }

  /** where the voicemail of a callback's latest missed call plays from (`voicemail: true`) */
  voicemailUrl(callId: string): string {
    return callAudioUrl(callId, 'voicemail');
  }
}
