import { z } from 'zod';

/**
 * What Meta records or transcribes on a channel's calls, as an admin sets it: nothing, the
 * audio, a transcript, or both (each its own opt-in object on `accept` / `connect`).
 *
 * @example
 * mediaCaptureSchema.parse('both');
 */
export const mediaCaptureSchema = z.enum(['off', 'record', 'transcribe', 'both']);
export type MediaCapture = z.infer<typeof mediaCaptureSchema>;

/** whether a policy asks Meta for the recording, the transcript */
export function capturesRecording(policy: MediaCapture): boolean {
  return policy === 'record' || policy === 'both';
}
export function capturesTranscript(policy: MediaCapture): boolean {
  return policy === 'transcribe' || policy === 'both';
}

/** Meta's locale form in `announcement_language`: `en_US`, `pt_BR`, `de` */
export const ANNOUNCEMENT_LANGUAGE_PATTERN = /^[a-z]{2,3}(_[A-Z]{2})?$/;
/** longest `purpose` we send (Meta's page shows "quality assurance"; it states no limit) */
export const MEDIA_PURPOSE_MAX = 200;
/** Bounds of how long stored recordings and transcripts are kept, in days. */
export const MEDIA_RETENTION_BOUNDS = { min: 1, max: 3650 } as const;

const purpose = z.string().trim().min(1).max(MEDIA_PURPOSE_MAX);
const announcementLanguage = z
  .string()
  .regex(ANNOUNCEMENT_LANGUAGE_PATTERN, 'a locale such as en_US (language, underscore, country)');

/**
 * The `recording` or `transcription` object of a WhatsApp `accept` (user-initiated) or
 * `connect` (business-initiated) body (*Call recording*, *Call transcription*).
 *
 * @example
 * waMediaOptInSchema.parse({ status: 'ENABLED', purpose: 'quality assurance', announcement_language: 'en_US' });
 */
export const waMediaOptInSchema = z.looseObject({
  status: z.enum(['ENABLED', 'DISABLED']),
  purpose: purpose.optional(),
  announcement_language: announcementLanguage.optional(),
});
export type WaMediaOptIn = z.infer<typeof waMediaOptInSchema>;

/**
 * A channel's recording settings as an admin sets them (every field optional on update).
 *
 * @example
 * channelMediaSettingsSchema.parse({ mediaCapture: 'record', mediaPurpose: 'quality assurance', mediaAnnouncementLanguage: 'en_US', mediaRetentionDays: 30 });
 */
export const channelMediaSettingsSchema = z.object({
  mediaCapture: mediaCaptureSchema.optional(),
  mediaPurpose: purpose.optional(),
  mediaAnnouncementLanguage: announcementLanguage.optional(),
  mediaRetentionDays: z
    .number()
    .int()
    .min(MEDIA_RETENTION_BOUNDS.min)
    .max(MEDIA_RETENTION_BOUNDS.max)
    .optional(),
});
export type ChannelMediaSettings = z.infer<typeof channelMediaSettingsSchema>;

/**
 * `GET /{media-id}`: where to download a media file (with the same token), and what it is.
 *
 * @example
 * const { url, mime_type } = waMediaUrlReplySchema.parse(json);
 */
export const waMediaUrlReplySchema = z.looseObject({
  messaging_product: z.literal('whatsapp').optional(),
  url: z.string().url(),
  mime_type: z.string().min(1),
  sha256: z.string().optional(),
  file_size: z.union([z.number(), z.string()]).optional(),
  id: z.string().min(1),
});
export type WaMediaUrlReply = z.infer<typeof waMediaUrlReplySchema>;
