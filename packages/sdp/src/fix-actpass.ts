// a whole `a=setup:actpass` line, whatever line break ends it; keeps the break untouched
const ACTPASS_LINE = /(^|[\r\n])a=setup:actpass(?=[\r\n]|$)/g;

/**
 * Rewrites `a=setup:actpass` as `a=setup:active` in a remote answer. Meta has been seen
 * answering with `actpass`, which a browser refuses in an answer; reading it as `active` makes
 * Meta the DTLS client and us the server. Every other byte, line endings included, is kept.
 *
 * @example
 * ```ts
 * await pc.setRemoteDescription({ type: 'answer', sdp: fixActpassInRemoteAnswer(metaAnswer) });
 * ```
 */
export function fixActpassInRemoteAnswer(text: string): string {
  return text.replace(ACTPASS_LINE, '$1a=setup:active');
}
