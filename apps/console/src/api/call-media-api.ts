import {
  callMediaListReplySchema,
  callTranscriptSchema,
  type CallMediaListReply,
  type CallTranscript,
} from '@ringside/contracts/call-media';
import { callAudioUrl, type CallAudioKind } from './call-audio-url';
import type { ApiResult } from './http';
import { readWith, segment } from './read-schema';
import type { RestClient } from './rest-client';

const readList = readWith(callMediaListReplySchema);
const readTranscript = readWith(callTranscriptSchema);

/**
 * A call's recording, transcript and voicemail, for the call detail (history's lazy chunk only).
 *
 * @example
 * const media = await new CallMediaApi(rest).list(callId);
 * <audio src={api.audioUrl(callId, 'recording')} />
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
  audioUrl(callId: string, kind: CallAudioKind): string {
    return callAudioUrl(callId, kind);
  }

  downloadUrl(callId: string, kind: CallAudioKind): string {
    return callAudioUrl(callId, kind, { download: true });
  }
}
