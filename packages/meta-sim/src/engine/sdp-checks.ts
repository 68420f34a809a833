import { validateMetaOffer, validateRemoteAnswer } from '@ringside/sdp';
import { refuse, succeed, type MetaFailure, type Outcome } from './outcome';

// meta judges the business's SDP by what it needs to set up media, not by whether audio will
// flow: a recvonly answer passes here and fails later at the media timeout, as in life

/**
 * Checks the business's answer to the caller's offer as Meta would: one DTLS-SRTP audio line,
 * ICE credentials, a fingerprint, an answerer's DTLS role (active or passive, never actpass)
 * and the opus payload type the caller offered. Any direction passes. Candidates may be left
 * out (Meta's own sample answer has `m=audio 9` and `c=IN IP4 0.0.0.0`): Meta is ICE-lite and
 * learns the business's address from its connectivity checks (peer-reflexive).
 *
 * @example
 * const check = checkBusinessAnswer(body.session.sdp, call.media.localDescription);
 * if (!check.ok) return check; // code 100, details say what is wrong
 */
export function checkBusinessAnswer(answer: string, callerOffer: string): Outcome<void> {
  const checked = validateRemoteAnswer(withPlaceholderCandidate(answer));
  if (!checked.ok) return invalidSdp(checked.error.message);
  if (checked.summary.setup === 'actpass') {
    return invalidSdp('the answer says a=setup:actpass; an answer must say active or passive');
  }
  const offered = validateMetaOffer(callerOffer, { anyDirection: true });
  if (offered.ok && offered.summary.opusPayloadType !== checked.summary.opusPayloadType) {
    return invalidSdp(
      `the answer uses opus payload type ${checked.summary.opusPayloadType}, ` +
        `but the offer gave opus as ${offered.summary.opusPayloadType}`,
    );
  }
  return succeed(undefined);
}

/**
 * Checks the business's offer (WhatsApp `connect`, Messenger `accept`/`connect`) as Meta would:
 * structure, ICE, DTLS, candidates and opus. Any direction passes.
 *
 * @example
 * const check = checkBusinessOffer(body.session.sdp);
 * if (!check.ok) return check;
 */
export function checkBusinessOffer(offer: string): Outcome<void> {
  const checked = validateMetaOffer(offer, { anyDirection: true });
  return checked.ok ? succeed(undefined) : invalidSdp(checked.error.message);
}

/**
 * Where two SDPs first differ, for a clear `accept` refusal.
 *
 * @example
 * firstDifference('v=0\r\na=x\r\n', 'v=0\r\na=y\r\n'); // 'line 2 differs'
 */
export function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    if (a[i] !== b[i]) return `line ${i + 1} differs`;
  }
  return 'line endings differ';
}

// the shared validator insists on candidates (right for the SDP Meta sends us, not for what
// Meta takes); when an answer has none, the rest of it is checked with one placeholder
// candidate on a copy. The answer itself is applied as it came.
const CANDIDATE = /^a=candidate:/m;
const PLACEHOLDER = 'a=candidate:1 1 udp 1 0.0.0.0 9 typ host';

function withPlaceholderCandidate(answer: string): string {
  if (CANDIDATE.test(answer)) return answer;
  const eol = answer.includes('\r\n') ? '\r\n' : '\n';
  const lines = answer.split(eol);
  const audio = lines.findIndex((line) => line.startsWith('m=audio '));
  if (audio === -1) return answer;
  // right after the audio m-line's c= line (or the m-line), inside the audio section
  const at = lines[audio + 1]?.startsWith('c=') ? audio + 2 : audio + 1;
  lines.splice(at, 0, PLACEHOLDER);
  return lines.join(eol);
}

function invalidSdp(why: string): { ok: false; error: MetaFailure } {
  return refuse(100, `invalid SDP: ${why}`);
}
