/**
 * The largest SDP we look at, in UTF-8 bytes. Real audio-only descriptions are 1–4 KB; the bound
 * keeps parsing and validation time small for any input.
 *
 * @example
 * ```ts
 * if (body.length > MAX_SDP_BYTES) reply(413);
 * ```
 */
export const MAX_SDP_BYTES = 64 * 1024;

/** true when `text` encodes to more than `limit` UTF-8 bytes; stops counting past the limit */
export function exceedsByteLimit(text: string, limit: number): boolean {
  // utf-8 needs at least one byte per utf-16 unit, so long strings fail without a scan
  if (text.length > limit) return true;
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    // surrogate halves are 2 bytes each: a pair makes the 4 bytes of its code point
    bytes += unit < 0x80 ? 1 : unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff) ? 2 : 3;
    if (bytes > limit) return true;
  }
  return false;
}
