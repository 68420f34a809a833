import type { MediaDescription } from 'sdp-transform';
import type { ParsedSdp } from './parse-sdp';
import { refuse } from './sdp-error';
import type { Step } from './sdp-error';

/**
 * A DTLS role from `a=setup` (RFC 4145 / 5763): the offerer says `actpass`, the answerer picks
 * `active` (DTLS client) or `passive` (DTLS server).
 */
export type SetupRole = 'actpass' | 'active' | 'passive' | 'holdconn';

const SETUP_ROLES: readonly SetupRole[] = ['actpass', 'active', 'passive', 'holdconn'];

// digest sizes in bytes for the hash functions rfc 8122 registers
const DIGEST_BYTES: Readonly<Record<string, number>> = {
  'sha-1': 20,
  'sha-224': 28,
  'sha-256': 32,
  'sha-384': 48,
  'sha-512': 64,
  md5: 16,
  md2: 16,
};

/** checks `a=fingerprint` is present and is a well-formed digest of a known hash function */
export function checkFingerprint(sdp: ParsedSdp, transport: MediaDescription): Step<string> {
  const fingerprint = transport.fingerprint ?? sdp.fingerprint;
  if (fingerprint === undefined) {
    return refuse('missing-fingerprint', 'the SDP has no a=fingerprint line (DTLS needs one)');
  }
  const algorithm = String(fingerprint.type).toLowerCase();
  const bytes = DIGEST_BYTES[algorithm];
  if (bytes === undefined) {
    return refuse('bad-fingerprint', 'a=fingerprint uses an unknown hash function');
  }
  const hex = String(fingerprint.hash);
  const pairs = hex.split(':');
  if (pairs.length !== bytes || !pairs.every((pair) => /^[0-9a-f]{2}$/i.test(pair))) {
    return refuse(
      'bad-fingerprint',
      `a=fingerprint is not a ${algorithm} digest (${bytes} hex bytes separated by colons)`,
    );
  }
  return { ok: true, value: algorithm };
}

/** reads `a=setup` from the media level or else the session level */
export function readSetup(sdp: ParsedSdp, transport: MediaDescription): Step<SetupRole> {
  const setup = transport.setup ?? sdp.setup;
  if (setup === undefined || setup === '') {
    return refuse('missing-setup', 'the SDP has no a=setup line (DTLS role)');
  }
  const role = String(setup);
  if (!isOneOf(role, SETUP_ROLES)) {
    return refuse('bad-setup', 'a=setup is not one of actpass, active, passive, holdconn');
  }
  return { ok: true, value: role };
}

/**
 * Narrows a DTLS role to the ones a kind of description may carry; `explain` words the refusal.
 */
export function requireSetup<Allowed extends SetupRole>(
  setup: SetupRole,
  allowed: readonly Allowed[],
  explain: (setup: SetupRole) => string,
): Step<Allowed> {
  if (isOneOf(setup, allowed)) return { ok: true, value: setup };
  return refuse('bad-setup', explain(setup));
}

function isOneOf<Value extends string>(value: string, values: readonly Value[]): value is Value {
  return (values as readonly string[]).includes(value);
}
