import type {
  MsgrEntry,
  MsgrPermissionReplyEntry,
  WaEntry,
  WebhookBody,
  WebhookEvent,
} from './webhook-event';

/**
 * Batches events into as few bodies as possible, the way Meta batches: one body per `object`;
 * inside it one entry per business and call, that call's items concatenated in order. Several
 * calls therefore give several entries, and several events of one call share an entry.
 *
 * @example
 * const [body] = mergeEvents([connectA, connectB, terminateA]);
 * body.entry.length; // 2
 */
export function mergeEvents(events: WebhookEvent[]): WebhookBody[] {
  const wa: WaEntry[] = [];
  const msgr: Array<MsgrEntry | MsgrPermissionReplyEntry> = [];
  const waByKey = new Map<string, WaEntry>();
  const msgrByKey = new Map<string, MsgrEntry>();
  for (const event of events) {
    const key = `${event.callId ?? `no-call:${event.kind}`}`;
    if (event.body.object === 'whatsapp_business_account') {
      for (const entry of event.body.entry) mergeWaEntry(wa, waByKey, key, entry);
    } else {
      for (const entry of event.body.entry) mergeMsgrEntry(msgr, msgrByKey, key, entry);
    }
  }
  const bodies: WebhookBody[] = [];
  if (wa.length > 0) bodies.push({ object: 'whatsapp_business_account', entry: wa });
  if (msgr.length > 0) bodies.push({ object: 'page', entry: msgr });
  return bodies;
}

function mergeWaEntry(
  out: WaEntry[],
  byKey: Map<string, WaEntry>,
  callKey: string,
  entry: WaEntry,
) {
  const key = `${entry.id}|${callKey}`;
  const target = byKey.get(key);
  if (!target) {
    const copy: WaEntry = structuredClone(entry);
    byKey.set(key, copy);
    out.push(copy);
    return;
  }
  for (const change of entry.changes) {
    const same = target.changes.find(
      (c) =>
        c.field === change.field &&
        c.value.metadata.phone_number_id === change.value.metadata.phone_number_id,
    );
    if (!same) {
      target.changes.push(structuredClone(change));
      continue;
    }
    const into = same.value;
    const from = structuredClone(change.value);
    if (from.contacts) {
      const known = new Set((into.contacts ?? []).map((c) => c.wa_id));
      into.contacts = [
        ...(into.contacts ?? []),
        ...from.contacts.filter((c) => !known.has(c.wa_id)),
      ];
    }
    if (from.calls) into.calls = [...(into.calls ?? []), ...from.calls];
    if (from.statuses) into.statuses = [...(into.statuses ?? []), ...from.statuses];
    if (from.messages) into.messages = [...(into.messages ?? []), ...from.messages];
  }
}

function mergeMsgrEntry(
  out: Array<MsgrEntry | MsgrPermissionReplyEntry>,
  byKey: Map<string, MsgrEntry>,
  callKey: string,
  entry: MsgrEntry | MsgrPermissionReplyEntry,
) {
  // a permission reply is an entry of its own, never merged into a Page's entry
  if (!('id' in entry)) {
    out.push(structuredClone(entry));
    return;
  }
  const key = `${entry.id}|${callKey}`;
  const target = byKey.get(key);
  if (!target) {
    const copy: MsgrEntry = structuredClone(entry);
    byKey.set(key, copy);
    out.push(copy);
    return;
  }
  const from = structuredClone(entry);
  if (from.calls) target.calls = [...(target.calls ?? []), ...from.calls];
  if (from.messaging) target.messaging = [...(target.messaging ?? []), ...from.messaging];
}
