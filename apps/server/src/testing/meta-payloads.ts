// test-only: Meta webhook bodies built from the shared fixtures, retargeted at a test workspace
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURES_DIR = fileURLToPath(new URL('../../../../../shared/fixtures/', import.meta.url));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON from disk, reshaped by tests
type Json = Record<string, any>;

function fixture(name: string): Json {
  return JSON.parse(readFileSync(`${FIXTURES_DIR}${name}`, 'utf8')) as Json;
}

/** a WhatsApp call id shaped like Meta's, different every time */
export function newWhatsAppCallId(): string {
  return `wacid.${randomBytes(24).toString('base64url')}`;
}

/** a Messenger call id shaped like Meta's, different every time */
export function newMessengerCallId(): string {
  return `c_${randomBytes(18).toString('base64url')}`;
}

const unixSeconds = (at: number) => Math.floor(at / 1000);

export interface WhatsAppCallTarget {
  phoneNumberId: string;
  callId: string;
  /** the caller's wa_id; the fixture's when left out */
  from?: string;
  name?: string;
  /** epoch ms; now when left out (fixtures are from 2025, which would ring as a stale call) */
  at?: number;
}

/**
 * The fixture `whatsapp/connect-user-initiated.json` (a real WhatsApp SDP offer) for a test
 * number and a fresh call.
 *
 * @example
 * await stack().postWebhook(JSON.stringify(whatsappConnect({ phoneNumberId, callId })));
 */
export function whatsappConnect(target: WhatsAppCallTarget): Json {
  const body = fixture('whatsapp/connect-user-initiated.json');
  const value = body['entry'][0]['changes'][0]['value'];
  value['metadata']['phone_number_id'] = target.phoneNumberId;
  const call = value['calls'][0];
  call['id'] = target.callId;
  call['timestamp'] = String(unixSeconds(target.at ?? Date.now()));
  if (target.from) {
    call['from'] = target.from;
    value['contacts'][0]['wa_id'] = target.from;
  }
  if (target.name) value['contacts'][0]['profile']['name'] = target.name;
  return body;
}

/**
 * The fixture `whatsapp/terminate-not-answered.json`: the caller gave up before anyone answered.
 *
 * @example
 * whatsappTerminate({ phoneNumberId, callId });
 */
export function whatsappTerminate(target: WhatsAppCallTarget): Json {
  const body = fixture('whatsapp/terminate-not-answered.json');
  const value = body['entry'][0]['changes'][0]['value'];
  value['metadata']['phone_number_id'] = target.phoneNumberId;
  const call = value['calls'][0];
  call['id'] = target.callId;
  call['timestamp'] = String(unixSeconds(target.at ?? Date.now()));
  if (target.from) call['from'] = target.from;
  return body;
}

/**
 * The fixture `messenger/connect-user-initiated.json` for a test Page and a fresh call.
 *
 * @example
 * messengerConnect({ pageId, callId: newMessengerCallId() });
 */
export function messengerConnect(target: {
  pageId: string;
  callId: string;
  from?: string;
  at?: number;
}): Json {
  const body = fixture('messenger/connect-user-initiated.json');
  const entry = body['entry'][0];
  const seconds = unixSeconds(target.at ?? Date.now());
  entry['id'] = target.pageId;
  entry['time'] = seconds;
  const call = entry['calls'][0];
  call['id'] = target.callId;
  call['to'] = target.pageId;
  call['timestamp'] = seconds;
  if (target.from) call['from'] = target.from;
  return body;
}

export interface WhatsAppOutboundTarget {
  phoneNumberId: string;
  callId: string;
  /** the customer called (wa_id) */
  to: string;
  /** epoch ms; now when left out */
  at?: number;
}

/**
 * The fixture `whatsapp/connect-business-initiated.json`: Meta's answer to our outbound offer,
 * for a test number and call (`sdp` replaces the fixture's answer when given).
 *
 * @example
 * whatsappOutboundConnect({ phoneNumberId, callId, to: '447700900123' });
 */
export function whatsappOutboundConnect(target: WhatsAppOutboundTarget & { sdp?: string }): Json {
  const body = fixture('whatsapp/connect-business-initiated.json');
  const value = body['entry'][0]['changes'][0]['value'];
  value['metadata']['phone_number_id'] = target.phoneNumberId;
  value['contacts'][0]['wa_id'] = target.to;
  const call = value['calls'][0];
  call['id'] = target.callId;
  call['to'] = target.to;
  call['timestamp'] = String(unixSeconds(target.at ?? Date.now()));
  if (target.sdp) call['session']['sdp'] = target.sdp;
  return body;
}

/**
 * The fixture `whatsapp/status-ringing.json` as RINGING, ACCEPTED or REJECTED for an outbound
 * test call.
 *
 * @example
 * whatsappOutboundStatus({ phoneNumberId, callId, to, status: 'ACCEPTED' });
 */
export function whatsappOutboundStatus(
  target: WhatsAppOutboundTarget & { status: 'RINGING' | 'ACCEPTED' | 'REJECTED' },
): Json {
  const body = fixture('whatsapp/status-ringing.json');
  const value = body['entry'][0]['changes'][0]['value'];
  value['metadata']['phone_number_id'] = target.phoneNumberId;
  const status = value['statuses'][0];
  status['id'] = target.callId;
  status['status'] = target.status;
  status['recipient_id'] = target.to;
  status['timestamp'] = String(unixSeconds(target.at ?? Date.now()));
  return body;
}
