// lone CR counts as a line break too, the same way sdp-transform splits lines
const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * Rewrites every line break (LF, CR or CRLF, mixed freely) as CRLF, as RFC 8866 requires,
 * and makes sure the text ends with CRLF. Empty text stays empty.
 *
 * @example
 * ```ts
 * normalizeLineEndings('v=0\no=- 1 2 IN IP4 127.0.0.1'); // 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n'
 * ```
 */
export function normalizeLineEndings(text: string): string {
  const crlf = text.replace(LINE_BREAK, '\r\n');
  return crlf === '' || crlf.endsWith('\r\n') ? crlf : `${crlf}\r\n`;
}
