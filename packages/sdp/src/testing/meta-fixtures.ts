import { readFileSync } from 'node:fs';

// this file sits in packages/sdp/src/testing; the shared fixtures are in /work/shared/fixtures
const FIXTURES = new URL('../../../../../shared/fixtures/', import.meta.url);

/** the SDP of a WhatsApp connect fixture (`entry[0].changes[0].value.calls[0].session.sdp`) */
export function whatsappConnectSdp(
  name: 'connect-user-initiated' | 'connect-business-initiated',
): string {
  const payload = readFixture(`whatsapp/${name}.json`);
  const value = at(at(at(at(payload, 'entry', 0), 'changes', 0), 'value'), 'calls', 0);
  return asString(at(at(value, 'session'), 'sdp'));
}

/** the SDP of a Messenger media_update fixture (`…calls[0].session.sdp_renegotiation.sdp`) */
export function messengerMediaUpdateSdp(name: 'media-update-v1' | 'media-update-v2'): string {
  const payload = readFixture(`messenger/${name}.json`);
  const call = at(at(payload, 'entry', 0), 'calls', 0);
  return asString(at(at(at(call, 'session'), 'sdp_renegotiation'), 'sdp'));
}

/**
 * The SDP of Meta's reply to a Messenger accept (`messenger/accept-reply-with-renegotiation.json`):
 * `sdp_response` (the answer, one section) or `sdp_renegotiation` (the offer: mid 0 recvonly,
 * mid 1 sendonly)
 */
export function messengerAcceptReplySdp(part: 'sdp_response' | 'sdp_renegotiation'): string {
  const payload = readFixture('messenger/accept-reply-with-renegotiation.json');
  return asString(at(at(at(payload, 'session'), part), 'sdp'));
}

function readFixture(path: string): unknown {
  return JSON.parse(readFileSync(new URL(path, FIXTURES), 'utf8'));
}

// walks a path through parsed json, failing loudly if the fixture changed shape
function at(value: unknown, key: string, index?: number): unknown {
  if (typeof value !== 'object' || value === null || !(key in value)) {
    throw new Error(`fixture has no "${key}"`);
  }
  const child: unknown = (value as Record<string, unknown>)[key];
  if (index === undefined) return child;
  if (!Array.isArray(child) || child.length <= index) {
    throw new Error(`fixture has no "${key}[${index}]"`);
  }
  return child[index];
}

function asString(value: unknown): string {
  if (typeof value !== 'string') throw new Error('fixture SDP is not a string');
  return value;
}
