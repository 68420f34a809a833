import { z } from 'zod';

// reached as '@ringside/contracts/call-media': only the server and the console's lazy history
// page read these, so they stay out of the console's first load

/**
 * A transcript document as downloaded: who spoke when, and what was said.
 *
 * @example
 * const doc = callTranscriptSchema.parse(JSON.parse(text));
 * doc.segments.map((s) => `${s.speaker}: ${s.text}`);
 */
export const callTranscriptSchema = z.looseObject({
  language: z.string().optional(),
  segments: z.array(
    z.looseObject({
      speaker: z.string(),
      start_ms: z.number().optional(),
      end_ms: z.number().optional(),
      text: z.string(),
    }),
  ),
});
export type CallTranscript = z.infer<typeof callTranscriptSchema>;

/** where a call's recording or transcript stands on our side */
export const callMediaStatusSchema = z.enum(['awaiting', 'stored', 'failed', 'expired']);
export type CallMediaStatus = z.infer<typeof callMediaStatusSchema>;
export const callMediaKindSchema = z.enum(['recording', 'transcript', 'voicemail']);
export type CallMediaKind = z.infer<typeof callMediaKindSchema>;

/**
 * `GET /api/calls/:id/media`: the call's recording and transcript as the call detail shows them.
 *
 * @example
 * callMediaViewSchema.parse({ kind: 'recording', status: 'stored', mimeType: 'audio/ogg', sizeBytes: 48213 });
 */
export const callMediaViewSchema = z.object({
  kind: callMediaKindSchema,
  status: callMediaStatusSchema,
  mimeType: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  error: z.string().nullable(),
  storedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type CallMediaView = z.infer<typeof callMediaViewSchema>;
export const callMediaListReplySchema = z.object({ items: z.array(callMediaViewSchema) });
export type CallMediaListReply = z.infer<typeof callMediaListReplySchema>;
