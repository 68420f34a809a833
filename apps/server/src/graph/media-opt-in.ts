import {
  capturesRecording,
  capturesTranscript,
  type MediaCapture,
  type WaMediaOptIn,
} from '@ringside/contracts';

/** what a line asks Meta to make of its calls (the channel's recording settings) */
export interface MediaPolicy {
  readonly capture: MediaCapture;
  readonly purpose: string | null;
  readonly announcementLanguage: string | null;
}

/**
 * The `recording` and `transcription` objects of an `accept` or `connect` body for a policy:
 * nothing when it is off (Meta's default is no recording), each opted into on its own
 * (*Call recording*, *Call transcription*).
 *
 * @example
 * mediaOptIn({ capture: 'both', purpose: 'quality assurance', announcementLanguage: 'en_US' });
 * // { recording: { status: 'ENABLED', … }, transcription: { status: 'ENABLED', … } }
 */
export function mediaOptIn(policy: MediaPolicy | undefined): {
  recording?: WaMediaOptIn;
  transcription?: WaMediaOptIn;
} {
  if (!policy || policy.capture === 'off') return {};
  const object: WaMediaOptIn = {
    status: 'ENABLED',
    ...(policy.purpose ? { purpose: policy.purpose } : {}),
    ...(policy.announcementLanguage ? { announcement_language: policy.announcementLanguage } : {}),
  };
  return {
    ...(capturesRecording(policy.capture) ? { recording: object } : {}),
    ...(capturesTranscript(policy.capture) ? { transcription: object } : {}),
  };
}

/**
 * A line's policy as the Graph bodies need it; Messenger lines have none (Meta's recording and
 * transcription pages are WhatsApp's Calling API only).
 *
 * @example
 * await graph.whatsapp.accept(creds, callId, sdp, undefined, mediaPolicyOf(channel));
 */
export function mediaPolicyOf(
  channel: {
    kind: 'whatsapp' | 'messenger';
    mediaCapture: MediaCapture;
    mediaPurpose: string | null;
    mediaAnnouncementLanguage: string | null;
  },
  /**
   * the call is anchored: the media engine records it (anchor-recording.ts), so Meta is asked
   * for the transcript alone, if the line wants one
   */
  recordedHere = false,
): MediaPolicy | undefined {
  const capture = recordedHere ? withoutRecording(channel.mediaCapture) : channel.mediaCapture;
  if (channel.kind !== 'whatsapp' || capture === 'off') return undefined;
  return {
    capture,
    purpose: channel.mediaPurpose,
    announcementLanguage: channel.mediaAnnouncementLanguage,
  };
}

function withoutRecording(capture: MediaCapture): MediaCapture {
  if (capture === 'both') return 'transcribe';
  return capture === 'record' ? 'off' : capture;
}
