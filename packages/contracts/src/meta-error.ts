import { z } from 'zod';
import { META_ERROR_CODES } from './meta-error-codes';

export { META_ERROR_CODES, type MetaErrorCodeInfo } from './meta-error-codes';

/**
 * The body of a failed Graph API request.
 *
 * @example
 * const parsed = metaErrorEnvelopeSchema.safeParse(await res.json());
 * if (parsed.success) throw new GraphApiError(describeMetaError(parsed.data.error.code, res.status));
 */
export const metaErrorEnvelopeSchema = z.looseObject({
  error: z.looseObject({
    message: z.string(),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    // some graph errors send error_data as a bare string: read it as the details
    error_data: z
      .preprocess(
        (data) => (typeof data === 'string' ? { details: data } : data),
        z.looseObject({ details: z.string().optional() }),
      )
      .optional(),
    fbtrace_id: z.string().optional(),
  }),
});
export type MetaErrorEnvelope = z.infer<typeof metaErrorEnvelopeSchema>;

/** codes that a transient HTTP status must not make retryable */
const NEVER_RETRIED: ReadonlySet<number> = new Set([138007]);

/** What an agent or an admin is told about a Meta error, and whether retrying can help. */
export type MetaErrorDescription = {
  code: number;
  name: string;
  meaning: string;
  retryable: boolean;
};

/**
 * Explains a Meta error code in plain words. HTTP 5xx and 429 are transient whatever the
 * code; so are the codes the table marks retryable (138004, 138005). Unknown codes get a
 * generic meaning and count as permanent for that request.
 *
 * @example
 * describeMetaError(138006);
 * // { code: 138006, name: 'no_call_permission', meaning: 'The customer has not allowed …', retryable: false }
 * describeMetaError(1, 503).retryable; // true
 */
export function describeMetaError(code: number, httpStatus?: number): MetaErrorDescription {
  const known = Object.hasOwn(META_ERROR_CODES, code) ? META_ERROR_CODES[code] : undefined;
  const transientStatus =
    httpStatus !== undefined && (httpStatus === 429 || (httpStatus >= 500 && httpStatus <= 599));
  // 138007 comes as HTTP 500 but means our SDP was not applied in time (*Troubleshooting*):
  // the same request again cannot help, whatever the status says
  if (known && NEVER_RETRIED.has(code)) return { code, ...known, retryable: false };
  if (known) return { code, ...known, retryable: known.retryable || transientStatus };
  return {
    code,
    name: 'unknown',
    meaning: transientStatus
      ? `Meta had a temporary problem (error ${code}). Trying again shortly may work.`
      : `Meta refused the request (error ${code}).`,
    retryable: transientStatus,
  };
}
