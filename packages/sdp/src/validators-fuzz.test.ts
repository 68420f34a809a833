import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSdp } from './parse-sdp';
import { SDP_ERROR_CODES } from './sdp-error';
import { CHROMIUM_ANSWER, CHROMIUM_OFFER } from './testing/chromium-sdp';
import {
  messengerAcceptReplySdp,
  messengerMediaUpdateSdp,
  whatsappConnectSdp,
} from './testing/meta-fixtures';
import { joinSdp, sdpLines } from './testing/sdp-lines';
import { validateLocalAnswer } from './validate-local-answer';
import { validateLocalOffer } from './validate-local-offer';
import { validateMetaOffer } from './validate-meta-offer';
import { validateRemoteAnswer } from './validate-remote-answer';

// every entry point, called the way an untyped caller (JSON, a socket payload) could call it
const checks: [string, (input: unknown) => unknown][] = [
  ['parseSdp', parseSdp],
  ['validateMetaOffer', validateMetaOffer],
  ['validateLocalAnswer', (input) => validateLocalAnswer(input)],
  ['validateLocalOffer', (input) => validateLocalOffer(input, { expectTrack: { trackId: 't' } })],
  ['validateRemoteAnswer', validateRemoteAnswer],
];

const samples = [
  whatsappConnectSdp('connect-user-initiated'),
  whatsappConnectSdp('connect-business-initiated'),
  messengerMediaUpdateSdp('media-update-v1'),
  messengerAcceptReplySdp('sdp_response'),
  messengerAcceptReplySdp('sdp_renegotiation'),
  CHROMIUM_ANSWER,
  CHROMIUM_OFFER,
];

const knownCodes: readonly string[] = SDP_ERROR_CODES;

// any code point, lone surrogates included. fast-check's own `unit: 'binary'` builds its table of
// every code point when constructed: 7 to 20 s on these machines, longer than the test itself
const anyCodePoint = fc
  .integer({ min: 0, max: 0x10ffff })
  .map((codePoint) => String.fromCodePoint(codePoint));
const hostileText = fc.oneof(
  fc.string(),
  fc.string({ unit: anyCodePoint }),
  fc.string({ unit: 'grapheme-composite' }),
);

// a typed result: ok with a payload, or a refusal with a known code and a message
function expectTypedResult(result: unknown): void {
  expect(result).toBeTypeOf('object');
  const { ok } = result as { ok: unknown };
  if (ok === true) {
    const accepted = result as { sdp?: unknown; summary?: { sdp?: unknown } };
    const text = accepted.summary?.sdp;
    if (accepted.summary !== undefined) {
      // an accepted SDP always comes back as CRLF text
      expect(text).toBeTypeOf('string');
      expect(String(text).replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    } else {
      expect(accepted.sdp).toBeTypeOf('object');
    }
    return;
  }
  expect(ok).toBe(false);
  const { error } = result as { error: { code: unknown; message: unknown } };
  expect(knownCodes).toContain(error.code);
  expect(error.message).toBeTypeOf('string');
  expect(String(error.message).length).toBeGreaterThan(0);
}

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'flip'; at: number; mask: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    mask: fc.integer({ min: 1, max: 255 }),
  }),
);

function mutate(sdp: string, change: Mutation): string {
  if (change.kind === 'flip') {
    if (sdp === '') return sdp;
    const at = change.at % sdp.length;
    const flipped = String.fromCharCode(sdp.charCodeAt(at) ^ change.mask);
    return sdp.slice(0, at) + flipped + sdp.slice(at + 1);
  }
  const lines = sdpLines(sdp);
  if (lines.length === 0) return sdp;
  const at = change.at % lines.length;
  if (change.kind === 'delete') lines.splice(at, 1);
  else lines.splice(at, 0, lines[at] ?? '');
  return joinSdp(lines);
}

describe.each(checks)('%s on hostile input', (_name, check) => {
  it('returns a typed result for arbitrary strings', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expectTypedResult(check(text));
      }),
      { numRuns: 300 },
    );
  });

  it('returns a typed result for arbitrary non-string values', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expectTypedResult(check(value));
      }),
      { numRuns: 200 },
    );
  });

  it('returns a typed result for valid SDPs with lines deleted, duplicated or bytes flipped', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.array(mutation, { minLength: 1, maxLength: 8 }),
        (sample, changes) => {
          expectTypedResult(check(changes.reduce(mutate, sample)));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('refuses a 1 MB input as too-large', () => {
    const huge = samples[0] + `a=x-filler:${'x'.repeat(1024 * 1024)}\r\n`;
    expect(check(huge)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(check('\0'.repeat(1024 * 1024))).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
  });
});

describe('mutations that remove what a call needs', () => {
  it('never let an offer through without its fingerprint', () => {
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 6 }), (changes) => {
        const offer = changes.reduce(mutate, samples[0] ?? '');
        const stripped = joinSdp(sdpLines(offer).filter((line) => !line.includes('fingerprint')));
        expect(validateMetaOffer(stripped).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
