// rfc 4733 events a keypad can send, and the pause `,` RTCDTMFSender understands
const DTMF = /^[0-9A-D#*,]+$/;
const MAX_TONES = 40;

/**
 * Checks keypad input for `RTCDTMFSender.insertDTMF`: digits, `*`, `#`, `A`–`D` and `,`
 * (a pause); letters are upper-cased. Returns `undefined` for anything else.
 *
 * @example
 * normalizeDtmf('12#'); // '12#'
 * normalizeDtmf('1a'); // '1A'
 * normalizeDtmf('1x'); // undefined
 */
export function normalizeDtmf(input: string): string | undefined {
  const tones = input.trim().toUpperCase();
  if (tones === '' || tones.length > MAX_TONES || !DTMF.test(tones)) return undefined;
  return tones;
}

/** tone length and gap, in ms: long enough for IVRs that ignore short tones */
export const DTMF_DURATION_MS = 100;
export const DTMF_GAP_MS = 70;
