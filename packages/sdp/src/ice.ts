import type { MediaDescription } from 'sdp-transform';
import type { ParsedSdp } from './parse-sdp';
import { refuse } from './sdp-error';
import type { Step } from './sdp-error';

/** ICE username fragment and password, from the media level or else the session level */
export interface IceCredentials {
  ufrag: string;
  pwd: string;
}

// rfc 8839 §5.4 lengths; browsers refuse descriptions outside them
const UFRAG_LENGTH = { min: 4, max: 256 };
const PWD_LENGTH = { min: 22, max: 256 };

/** reads and length-checks `a=ice-ufrag` and `a=ice-pwd` */
export function readIceCredentials(
  sdp: ParsedSdp,
  transport: MediaDescription,
): Step<IceCredentials> {
  const ufrag = credential(transport.iceUfrag) ?? credential(sdp.iceUfrag);
  const pwd = credential(transport.icePwd) ?? credential(sdp.icePwd);
  if (ufrag === undefined) {
    return refuse('missing-ice-credentials', 'the SDP has no a=ice-ufrag line');
  }
  if (pwd === undefined) return refuse('missing-ice-credentials', 'the SDP has no a=ice-pwd line');
  if (ufrag.length < UFRAG_LENGTH.min || ufrag.length > UFRAG_LENGTH.max) {
    return refuse(
      'missing-ice-credentials',
      `a=ice-ufrag has ${ufrag.length} characters; ICE needs ${UFRAG_LENGTH.min} to ${UFRAG_LENGTH.max}`,
    );
  }
  if (pwd.length < PWD_LENGTH.min || pwd.length > PWD_LENGTH.max) {
    return refuse(
      'missing-ice-credentials',
      `a=ice-pwd has ${pwd.length} characters; ICE needs ${PWD_LENGTH.min} to ${PWD_LENGTH.max}`,
    );
  }
  return { ok: true, value: { ufrag, pwd } };
}

/** how many well-formed `a=candidate` lines the transport m-section carries */
export function countCandidates(transport: MediaDescription): number {
  const candidates = Array.isArray(transport.candidates) ? transport.candidates : [];
  return candidates.filter(
    (candidate) =>
      typeof candidate.port === 'number' &&
      candidate.port > 0 &&
      typeof candidate.ip === 'string' &&
      candidate.ip !== '',
  ).length;
}

/** true when the SDP declares `a=ice-lite` (Meta does: it never starts connectivity checks) */
export function isIceLite(sdp: ParsedSdp): boolean {
  return sdp.icelite === 'ice-lite';
}

function credential(value: unknown): string | undefined {
  // numeric-looking values come back from the parser as numbers
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value !== '' ? value : undefined;
}
