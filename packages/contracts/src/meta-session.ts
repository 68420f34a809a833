import { z } from 'zod';

/**
 * An SDP offer as Meta's payloads carry it (`{ sdp_type: "offer", sdp }`).
 *
 * @example
 * sdpOfferSessionSchema.parse({ sdp_type: 'offer', sdp: 'v=0\r\n…' });
 */
export const sdpOfferSessionSchema = z.looseObject({
  sdp_type: z.literal('offer'),
  sdp: z.string().min(1),
});
export type SdpOfferSession = z.infer<typeof sdpOfferSessionSchema>;

/**
 * An SDP answer as Meta's payloads carry it (`{ sdp_type: "answer", sdp }`).
 *
 * @example
 * sdpAnswerSessionSchema.parse({ sdp_type: 'answer', sdp: 'v=0\r\n…' });
 */
export const sdpAnswerSessionSchema = z.looseObject({
  sdp_type: z.literal('answer'),
  sdp: z.string().min(1),
});
export type SdpAnswerSession = z.infer<typeof sdpAnswerSessionSchema>;

/**
 * Either kind of SDP session, told apart by `sdp_type`.
 *
 * @example
 * sdpSessionSchema.parse({ sdp_type: 'answer', sdp: 'v=0\r\n…' }).sdp_type; // 'answer'
 */
export const sdpSessionSchema = z.discriminatedUnion('sdp_type', [
  sdpOfferSessionSchema,
  sdpAnswerSessionSchema,
]);
export type SdpSession = z.infer<typeof sdpSessionSchema>;

/**
 * Unix seconds as an integer (Messenger timestamps).
 *
 * @example
 * unixSecondsSchema.parse(1671644824);
 */
export const unixSecondsSchema = z.number().int().nonnegative();

/**
 * Unix seconds written as a string of digits (WhatsApp timestamps).
 *
 * @example
 * unixSecondsStringSchema.parse('1753115233');
 */
export const unixSecondsStringSchema = z
  .string()
  .regex(/^\d+$/, 'Invalid input: expected unix seconds as a string of digits');

/**
 * Unix seconds given either as a number or as a string of digits, read as a number.
 *
 * @example
 * looseUnixSecondsSchema.parse('1753115240'); // 1753115240
 */
export const looseUnixSecondsSchema = z.union([
  z.number().int().nonnegative(),
  unixSecondsStringSchema.transform(Number),
]);

/**
 * A non-negative number given as a number or a numeric string (`180`, `"180"`, `"12.5"`),
 * read as a number.
 *
 * @example
 * looseNumberSchema.parse('180'); // 180
 */
export const looseNumberSchema = z.union([
  z.number().nonnegative(),
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'Invalid input: expected a non-negative number')
    .transform(Number),
]);

/**
 * Meta's terminate `status`, accepted in any letter case ("Completed", "FAILED", …) and
 * normalised to upper case, because Meta's own pages show both spellings.
 *
 * @example
 * terminateStatusSchema.parse('Failed'); // 'FAILED'
 */
export const terminateStatusSchema = z
  .string()
  .transform((status) => status.toUpperCase())
  .pipe(z.enum(['COMPLETED', 'FAILED']));
export type TerminateStatus = z.infer<typeof terminateStatusSchema>;
