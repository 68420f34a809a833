import { z } from 'zod';
import { isoDateTimeSchema } from './call-outcome';
import { idSchema } from './rest-common';

/**
 * Longest tag a call link takes. Meta's *Call Button Messages and Deep Links* page names no limit
 * for `biz_payload`; its call button payload takes 512 characters. Ours is shorter so the link,
 * and its QR code, stay small enough to print and scan.
 */
export const CALL_LINK_TAG_MAX = 64;
/** Longest label of a call link (ours; Meta never sees it). */
export const CALL_LINK_LABEL_MAX = 80;

// rfc 3986 unreserved characters: the tag goes into the link as it is, never percent-encoded,
// so the `deeplink_payload` Meta returns is byte for byte the tag the admin typed
const TAG_PATTERN = /^[A-Za-z0-9._~-]+$/;

/**
 * A call link's tag: 1 to {@link CALL_LINK_TAG_MAX} letters, digits, `-`, `_`, `.` or `~`.
 *
 * @example
 * callLinkTagSchema.safeParse('spring-flyer').success; // true
 * callLinkTagSchema.safeParse('spring flyer').success; // false
 */
export const callLinkTagSchema = z
  .string()
  .trim()
  .min(1, 'Enter a tag, or leave it out')
  .max(CALL_LINK_TAG_MAX, `At most ${CALL_LINK_TAG_MAX} characters`)
  .regex(TAG_PATTERN, 'Use letters, digits, -, _, . or ~ only (no spaces)');

/**
 * `POST /api/admin/channels/:id/call-links`; an empty tag means the plain link.
 *
 * @example
 * callLinkCreateBodySchema.parse({ label: 'Spring flyer', tag: 'spring-flyer' });
 */
export const callLinkCreateBodySchema = z.object({
  label: z
    .string()
    .trim()
    .min(1, 'Enter a label')
    .max(CALL_LINK_LABEL_MAX, `At most ${CALL_LINK_LABEL_MAX} characters`),
  tag: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    callLinkTagSchema.optional(),
  ),
});
export type CallLinkCreateBody = z.infer<typeof callLinkCreateBodySchema>;

/**
 * A call link of a WhatsApp number, with the URL to share (and its QR code's addresses).
 *
 * @example
 * callLinkSchema.parse({ id: 'l1', channelId: 'c1', label: 'Flyer', tag: 'spring', url: 'https://wa.me/call/919129950000?biz_payload=spring', createdAt: '2026-12-07T09:00:00.000Z' });
 */
export const callLinkSchema = z.object({
  id: idSchema,
  channelId: idSchema,
  label: z.string().min(1),
  tag: z.string().min(1).nullable(),
  url: z.string().url(),
  createdAt: isoDateTimeSchema,
});
export type CallLink = z.infer<typeof callLinkSchema>;

/** `GET /api/admin/channels/:id/call-links`, oldest first. */
export const callLinksReplySchema = z.object({ items: z.array(callLinkSchema) });
export type CallLinksReply = z.infer<typeof callLinksReplySchema>;

/**
 * The calling deep link of a business number, `https://wa.me/call/<number>`, with
 * `?biz_payload=<tag>` when tagged (Meta returns the tag as the call's `deeplink_payload`).
 * The number is the display number's digits, country code first.
 *
 * @example
 * callLinkUrl('+91 91299 50000', 'spring'); // 'https://wa.me/call/919129950000?biz_payload=spring'
 * callLinkUrl('+91 91299 50000'); // 'https://wa.me/call/919129950000'
 */
export function callLinkUrl(displayNumber: string, tag?: string | null): string {
  const digits = displayNumber.replace(/\D/g, '');
  const base = `https://wa.me/call/${digits}`;
  return tag ? `${base}?biz_payload=${encodeURIComponent(tag)}` : base;
}
