import { describeMetaError, type CallDetailReply } from '@ringside/contracts';
import { isRecord } from '../../api/http';
import { describeEventDetail } from '../history/timeline-words';

/** one error Meta reported on a call, with when and where it came from */
export interface CallMetaError {
  /** ISO time; absent for the call's final error, which has no entry of its own */
  at?: string;
  code: number;
  /** what the error means, in plain words */
  meaning: string;
  /** Meta's own text, when it sent one */
  text?: string;
  /** `Graph: accept`, `Webhook: terminated`, or `Outcome` */
  source: string;
}

/**
 * Every Meta error a call's record holds: refused Graph requests and errors in Meta's webhooks
 * from its timeline, and the error it ended with (listed once).
 *
 * @example
 * metaErrorsOf(detail);
 * // [{ at, code: 138021, meaning: 'Media could not be received…', text: 'Media receive timeout', source: 'Webhook: terminated' }]
 */
export function metaErrorsOf(call: CallDetailReply): CallMetaError[] {
  const found: CallMetaError[] = [];
  for (const event of call.events) {
    const detail = event.detail ?? {};
    const code = detail['code'];
    if (event.type === 'graph.failed' && typeof code === 'number') {
      const action = typeof detail['action'] === 'string' ? detail['action'] : 'request';
      found.push({
        at: event.at,
        code,
        meaning: describeMetaError(code).meaning,
        source: `Graph: ${action.replace(/_/g, ' ')}`,
      });
    }
    const errors = detail['errors'];
    if (!Array.isArray(errors)) continue;
    for (const error of errors) {
      if (!isRecord(error) || typeof error['code'] !== 'number') continue;
      const text = [error['message'], error['details']].filter(
        (part): part is string => typeof part === 'string' && part !== '',
      );
      found.push({
        at: event.at,
        code: error['code'],
        meaning: describeMetaError(error['code']).meaning,
        ...(text.length > 0 ? { text: text.join(' — ') } : {}),
        source: `Webhook: ${event.type.split('.').slice(1).join(' ') || event.type}`,
      });
    }
  }
  const final = call.metaError;
  if (final && !found.some((error) => error.code === final.code)) {
    found.push({ code: final.code, meaning: final.meaning, source: 'Outcome' });
  }
  return found;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A timeline entry's detail in a line, as the history page words it, without bare user ids
 * (the entry names who, and a supervisor's end carries their name).
 *
 * @example
 * timelineDetail({ by: '2b40ac68-7c94-4284-8710-b2425a0bbb3e', name: 'Ada' }); // 'name: Ada'
 */
export function timelineDetail(detail: Record<string, unknown> | undefined): string {
  if (!detail) return '';
  const shown = Object.fromEntries(
    Object.entries(detail).filter(([, value]) => !(typeof value === 'string' && UUID.test(value))),
  );
  return describeEventDetail(shown);
}
