// test helpers that edit SDP text line by line; each fails loudly when the line it should
// change is absent, so a test can never pass on an edit that did nothing

/** splits CRLF text into lines (without the empty string after the final CRLF) */
export function sdpLines(sdp: string): string[] {
  const lines = sdp.split('\r\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** joins lines back into CRLF text ending with CRLF */
export function joinSdp(lines: readonly string[]): string {
  return lines.map((line) => `${line}\r\n`).join('');
}

/** removes every line starting with `prefix` */
export function withoutLines(sdp: string, prefix: string): string {
  const lines = sdpLines(sdp);
  const kept = lines.filter((line) => !line.startsWith(prefix));
  if (kept.length === lines.length) throw new Error(`no line starts with "${prefix}"`);
  return joinSdp(kept);
}

/** replaces the one line equal to `line` */
export function replaceLine(sdp: string, line: string, replacement: string): string {
  const lines = sdpLines(sdp);
  const index = lines.indexOf(line);
  if (index === -1 || lines.lastIndexOf(line) !== index) {
    throw new Error(`expected exactly one line "${line}"`);
  }
  lines[index] = replacement;
  return joinSdp(lines);
}

/** returns the one line starting with `prefix` */
export function lineStartingWith(sdp: string, prefix: string): string {
  const found = sdpLines(sdp).filter((line) => line.startsWith(prefix));
  const [line] = found;
  if (line === undefined || found.length > 1) {
    throw new Error(`expected exactly one line starting with "${prefix}"`);
  }
  return line;
}

/** appends `extra` lines at the end (i.e. in the last m-section) */
export function withLines(sdp: string, ...extra: string[]): string {
  return joinSdp([...sdpLines(sdp), ...extra]);
}
