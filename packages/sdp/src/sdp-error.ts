/**
 * Every reason an SDP check can refuse a description, as a runtime list (for exhaustive
 * handling and tests) and as the {@link SdpErrorCode} union.
 *
 * @example
 * ```ts
 * const labels = Object.fromEntries(SDP_ERROR_CODES.map((code) => [code, t(`sdp.${code}`)]));
 * ```
 */
export const SDP_ERROR_CODES = [
  'not-sdp',
  'too-large',
  'no-audio',
  'nothing-sent',
  'video-accepted',
  'bad-protocol',
  'no-opus',
  'missing-ice-credentials',
  'missing-fingerprint',
  'bad-fingerprint',
  'missing-setup',
  'bad-setup',
  'no-candidates',
  'missing-track',
  'track-mismatch',
  'listener-sends',
] as const;

/** Why an SDP was refused; see {@link SDP_ERROR_CODES}. */
export type SdpErrorCode = (typeof SDP_ERROR_CODES)[number];

/**
 * A refused SDP: a stable `code` to branch on and a `message` fit to show a person.
 *
 * @example
 * ```ts
 * const error: SdpError = { code: 'missing-fingerprint', message: 'no a=fingerprint line' };
 * ```
 */
export interface SdpError {
  code: SdpErrorCode;
  message: string;
}

/**
 * The outcome of a validator: a summary of what was checked, or the first problem found.
 *
 * @example
 * ```ts
 * const check: SdpCheck<{ opusPayloadType: number }> = validateMetaOffer(sdp);
 * if (!check.ok) log.warn(check.error.code);
 * ```
 */
export type SdpCheck<Summary> = { ok: true; summary: Summary } | { ok: false; error: SdpError };

/** internal step result: lets each check return a value or the error that stops validation */
export type Step<T> = { ok: true; value: T } | { ok: false; error: SdpError };

/** builds a failed step (also assignable to the failure branch of every public result) */
export function refuse(code: SdpErrorCode, message: string): { ok: false; error: SdpError } {
  return { ok: false, error: { code, message } };
}
