import { parse } from 'sdp-transform';
import type { SessionDescription } from 'sdp-transform';
import { normalizeLineEndings } from './line-endings';
import { refuse } from './sdp-error';
import type { SdpError, Step } from './sdp-error';
import { MAX_SDP_BYTES, exceedsByteLimit } from './size-limit';

/**
 * A description as sdp-transform reads it. sdp-transform is lenient: fields its types promise
 * can be missing or of another type for odd input, so read them defensively.
 */
export type ParsedSdp = SessionDescription;

/** what the validators work on: the CRLF text and its parsed form */
export interface PreparedSdp {
  text: string;
  sdp: ParsedSdp;
}

// rfc 8866: every line is `<type letter>=<value>`, and text never holds NUL
const SDP_LINE = /^[a-z]=[^\0]*$/;

/**
 * Parses SDP text after checking it is SDP at all: a string within {@link MAX_SDP_BYTES}, whose
 * first line is `v=0` and whose every other non-empty line is `<letter>=<value>`. Any line
 * endings are accepted. Never throws, whatever it is given.
 *
 * @example
 * ```ts
 * const parsed = parseSdp(offerText);
 * if (parsed.ok) console.log(parsed.sdp.media.length);
 * else console.warn(parsed.error.code, parsed.error.message);
 * ```
 */
export function parseSdp(
  text: unknown,
): { ok: true; sdp: ParsedSdp } | { ok: false; error: SdpError } {
  const prepared = prepareSdp(text);
  return prepared.ok ? { ok: true, sdp: prepared.value.sdp } : prepared;
}

/** {@link parseSdp}, also keeping the normalised text the validators hand back */
export function prepareSdp(input: unknown): Step<PreparedSdp> {
  if (typeof input !== 'string') {
    return refuse('not-sdp', `expected SDP text, got ${describeValue(input)}`);
  }
  if (exceedsByteLimit(input, MAX_SDP_BYTES)) {
    return refuse('too-large', `the SDP is larger than ${MAX_SDP_BYTES} bytes`);
  }
  const text = normalizeLineEndings(input);
  const problem = findSyntaxProblem(text);
  if (problem !== undefined) return refuse('not-sdp', problem);
  try {
    return { ok: true, value: { text, sdp: parse(text) } };
  } catch {
    // sdp-transform is not known to throw; this guards the library boundary all the same
    return refuse('not-sdp', 'the SDP could not be parsed');
  }
}

function findSyntaxProblem(text: string): string | undefined {
  const lines = text.split('\r\n');
  if (lines[0] !== 'v=0') return 'the text does not start with the line v=0';
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    // blank lines carry nothing; tolerate them rather than refuse a hand-edited SDP
    if (line !== '' && !SDP_LINE.test(line)) {
      return `line ${i + 1} is not an SDP line of the form <letter>=<value>`;
    }
  }
  return undefined;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a value of type ${typeof value}`;
}
