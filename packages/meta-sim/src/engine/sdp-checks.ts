import { validateMetaOffer, validateRemoteAnswer } from '@ringside/sdp';
import { refuse, succeed, type MetaFailure, type Outcome } from './outcome';

// meta judges the business's SDP by what it needs to set up media, not by whether audio will
// flow: a recvonly answer passes here and fails later at the media timeout, as in life

/**
 * Checks the business's answer to the caller's offer as Meta would: one DTLS-SRTP audio line,
 * ICE credentials, candidates, a fingerprint, an answerer's DTLS role (active or passive, never
 * actpass) and the opus payload type the caller offered. Any direction passes.
 *
 * @example
 * const check = checkBusinessAnswer(body.session.sdp, call.media.localDescription);
 * if (!check.ok) return check; // code 100, details say what is wrong
 */
export function checkBusinessAnswer(answer: string, callerOffer: string): Outcome<void> {
  const checked = validateRemoteAnswer(answer);
  if (!checked.ok) return invalidSdp(checked.error.message);
  if (checked.summary.setup === 'actpass') {
    return invalidSdp('the answer says a=setup:actpass; an answer must say active or passive');
  }
  const offered = validateMetaOffer(callerOffer);
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
  const checked = validateMetaOffer(offer);
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

function invalidSdp(why: string): { ok: false; error: MetaFailure } {
  return refuse(100, `invalid SDP: ${why}`);
}
