/**
 * The HTTP status Meta answers each calling error code with (WhatsApp Cloud API, *Troubleshoot
 * WhatsApp Calling Errors*, "HTTP Status Code" column): 138000 and 138006 are 401, 613 (the
 * call-permission look-up limit), 138002 and 138005 are 429, 138004 and 138007 are 500, and
 * every other calling code is 400. Codes outside that table keep whatever status their refusal
 * names (190 is 401, a body too large 413).
 */
const STATUS_BY_CODE: Readonly<Record<number, number>> = Object.freeze({
  613: 429,
  138000: 401,
  138002: 429,
  138004: 500,
  138005: 429,
  138006: 401,
  138007: 500,
});

/**
 * The HTTP status for a Meta error code; 400 unless Meta's table says otherwise.
 *
 * @example
 * httpStatusFor(138006); // 401
 * httpStatusFor(138007); // 500
 * httpStatusFor(138009); // 400
 */
export function httpStatusFor(code: number): number {
  return STATUS_BY_CODE[code] ?? 400;
}
