import type { CallMediaKind } from '@ringside/contracts/call-media';
import { segment } from './read-schema';

/** what of a call can be listened to: our recording of it, or the voicemail the caller left */
export type CallAudioKind = Extract<CallMediaKind, 'recording' | 'voicemail'>;

/**
 * Where a call's recording or voicemail streams from (HTTP Range, so a player can seek; the
 * server audits each listen), or downloads from as an attachment.
 *
 * @example
 * callAudioUrl('c1', 'voicemail'); // '/api/calls/c1/voicemail'
 * callAudioUrl('c1', 'recording', { download: true }); // '/api/calls/c1/recording?download=1'
 */
export function callAudioUrl(
  callId: string,
  kind: CallAudioKind,
  options: { download?: boolean } = {},
): string {
  const url = `/api/calls/${segment(callId)}/${kind}`;
  return options.download ? `${url}?download=1` : url;
}
