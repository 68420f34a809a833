// the webhook endpoint under arbitrary input: signed and unsigned garbage, Meta's envelopes with a
// field mutated, huge and deeply nested JSON, wrong content types. Shared by the soak (10,000s of
// cases) and the CI test (a few hundred).
import { signMetaPayload } from '@ringside/contracts/signature';
import fc from 'fast-check';
import {
  messengerConnect,
  newMessengerCallId,
  newWhatsAppCallId,
  whatsappConnect,
  whatsappTerminate,
} from '../src/testing/meta-payloads';
import { APP_SECRET, type TestWorkspace } from '../src/testing/test-stack';
import type { SecretWatch } from './fuzz-secrets';

type Signing = 'valid' | 'none' | 'wrong-secret' | 'garbage';
export interface WebhookCase {
  kind: string;
  body: string | Uint8Array;
  contentType: string | null;
  signing: Signing;
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  'application/octet-stream',
  '*/*',
  null,
];

const signing = fc.constantFrom<Signing>('valid', 'none', 'wrong-secret', 'garbage');

/** garbage of every kind: text, bytes, JSON values that are not envelopes */
const garbage: fc.Arbitrary<WebhookCase> = fc.record({
  kind: fc.constant('garbage'),
  body: fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.uint8Array({ maxLength: 300 }),
    fc.json(),
    fc.jsonValue().map((v) => JSON.stringify({ object: 'whatsapp_business_account', entry: v })),
    fc.jsonValue().map((v) => JSON.stringify({ object: 'page', entry: [v] })),
  ),
  contentType: fc.constantFrom(...CONTENT_TYPES),
  signing,
});

/** every path to a value in a JSON document */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [
    prefix,
    ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...prefix, k])),
  ];
}

function mutate(
  doc: unknown,
  path: Array<string | number>,
  change: { drop: boolean; to: unknown },
) {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  if (path.length === 0) return change.drop ? undefined : change.to;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (change.drop) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = change.to;
  return copy;
}

/** one of Meta's real envelopes for this workspace with one field changed or removed */
function mutatedEnvelope(ws: TestWorkspace): fc.Arbitrary<WebhookCase> {
  const base = fc.constantFrom(
    () => whatsappConnect({ phoneNumberId: ws.phoneNumberId, callId: newWhatsAppCallId() }),
    () => whatsappTerminate({ phoneNumberId: ws.phoneNumberId, callId: newWhatsAppCallId() }),
    () => messengerConnect({ pageId: ws.pageId, callId: newMessengerCallId() }),
  );
  const value = fc.oneof(
    fc.anything({ maxDepth: 3 }),
    fc.string(),
    fc.constantFrom('', '0', '-1', '1e309', 'NaN', 'null', ws.phoneNumberId, ws.pageId),
    fc.integer(),
    fc.double(),
    fc.constantFrom(null, true, [], {}),
  );
  return fc
    .tuple(base, fc.nat(), fc.boolean(), value, fc.constantFrom<Signing>('valid', 'valid', 'none'))
    .map(([make, pick, drop, to, sign]) => {
      const doc = make();
      const all = paths(doc);
      const path = all[pick % all.length] ?? [];
      const body = JSON.stringify(mutate(doc, path, { drop, to })) ?? 'undefined';
      return { kind: 'mutated envelope', body, contentType: 'application/json', signing: sign };
    });
}

/** deep nesting, wide arrays and long strings, inside and outside an envelope */
const huge: fc.Arbitrary<WebhookCase> = fc
  .tuple(
    fc.constantFrom('array', 'object', 'wide', 'long-string', 'many-entries'),
    fc.integer({ min: 1, max: 100_000 }),
    signing,
  )
  .map(([shape, n, sign]) => {
    let body: string;
    if (shape === 'array') body = `${'['.repeat(n)}${']'.repeat(n)}`;
    else if (shape === 'object') body = `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
    else if (shape === 'wide') body = JSON.stringify({ object: 'page', entry: Array(n).fill(0) });
    else if (shape === 'long-string') body = JSON.stringify({ object: 'x'.repeat(n * 20) });
    else
      body = JSON.stringify({
        object: 'whatsapp_business_account',
        entry: Array.from({ length: Math.min(n, 5_000) }, () => ({ id: '1', changes: [{}] })),
      });
    return { kind: `huge ${shape}`, body, contentType: 'application/json', signing: sign };
  });

export function webhookCases(ws: TestWorkspace): fc.Arbitrary<WebhookCase> {
  return fc.oneof(
    { weight: 4, arbitrary: garbage },
    { weight: 5, arbitrary: mutatedEnvelope(ws) },
    { weight: 1, arbitrary: huge },
  );
}

/** posts one case; throws (for fast-check to shrink) on a 5xx, a lost answer or a secret */
export async function postCase(url: string, c: WebhookCase, secrets: SecretWatch): Promise<number> {
  const bytes = typeof c.body === 'string' ? Buffer.from(c.body) : Buffer.from(c.body);
  const headers: Record<string, string> = {};
  if (c.contentType !== null) headers['content-type'] = c.contentType;
  if (c.signing === 'valid') headers['x-hub-signature-256'] = signMetaPayload(bytes, APP_SECRET);
  if (c.signing === 'wrong-secret')
    headers['x-hub-signature-256'] = signMetaPayload(bytes, 'not-the-secret');
  if (c.signing === 'garbage') headers['x-hub-signature-256'] = 'sha256=zz';
  const res = await fetch(`${url}/webhooks/meta`, { method: 'POST', headers, body: bytes });
  const text = await res.text();
  if (res.status >= 500) throw new Error(`${c.kind}: ${res.status} ${text.slice(0, 200)}`);
  const leaked = secrets.found(text + JSON.stringify([...res.headers]));
  if (leaked.length > 0) throw new Error(`${c.kind}: the reply carries ${leaked.join(', ')}`);
  return res.status;
}
