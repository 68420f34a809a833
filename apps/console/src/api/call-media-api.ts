import {
  callMediaListReplySchema,
  callTranscriptSchema,
  type CallMediaListReply,
  type CallTranscript,
} from '@ringside/contracts/call-media';
import type { ApiResult } from './http';
import { readWith, segment } from './read-schema';
import type { RestClient } from './rest-client';

const readList = readWith(callMediaListReplySchema);
const readTranscript = readWith(callTranscriptSchema);

/**
 * A call's recording and transcript by Meta, for the call detail (history's lazy chunk only).
 *
 * @example
 * const media = await new CallMediaApi(rest).list(callId);
 * <audio src={api.recordingUrl(callId)} />
 */
export class CallMediaApi {
  constructor(private readonly rest: RestClient) {}

  list(callId: string): Promise<ApiResult<CallMediaListReply>> {
    return this.rest.get(`/api/calls/${segment(callId)}/media`, readList);
  }

  transcript(callId: string): Promise<ApiResult<CallTranscript>> {
    return this.rest.get(`/api/calls/${segment(callId)}/transcript`, readTranscript);
  }

  /** streamed with HTTP Range, so the player can seek; the server audits each listen */
  recordingUrl(callId: string): string {
    return `/api/calls/${segment(callId)}/recording`;
  }

  downloadUrl(callId: string): string {
    return `/api/calls/${segment(callId)}/recording?download=1`;
  }
}
