import { normalizeWebhook, type NormalizedEvent } from '@ringside/calls';
import { parseMetaWebhook, type ReadableIssue } from '@ringside/contracts';
import { splitEnvelope } from './split-envelope';

/** something in a delivery that carries no event Ringside uses, and why */
export interface SetAside {
  readonly path: string;
  readonly reason: string;
}

/** what a verified delivery holds: its events, or why none could be read */
export type DeliveryReading =
  | {
      readonly ok: true;
      readonly object: string;
      readonly events: readonly NormalizedEvent[];
      readonly setAside: readonly SetAside[];
    }
  | {
      readonly ok: false;
      readonly object: string;
      readonly summary: string;
      readonly issues: readonly ReadableIssue[];
    };

/**
 * Parses and normalizes a delivery. When the envelope does not parse as a whole, it is read one
 * item at a time ({@link splitEnvelope}): the items that parse give their events, the others are
 * set aside with the reason. Only a delivery with nothing readable at all is refused.
 *
 * @example
 * const reading = readDelivery(JSON.parse(raw));
 * if (reading.ok) store(reading.events);
 */
export function readDelivery(json: unknown): DeliveryReading {
  const whole = parseMetaWebhook(json);
  if (whole.ok) {
    const { events, ignored } = normalizeWebhook(whole.value);
    return {
      ok: true,
      object: whole.value.object,
      events,
      setAside: ignored.map((i) => ({ path: i.path, reason: i.reason })),
    };
  }
  const pieces = (splitEnvelope(json) ?? []).map((piece) => ({
    piece,
    parsed: parseMetaWebhook(piece.envelope),
  }));
  const events: NormalizedEvent[] = [];
  const setAside: SetAside[] = [];
  let object: string | undefined;
  for (const { piece, parsed } of pieces) {
    if (!parsed.ok) {
      setAside.push({ path: piece.path, reason: `not understood: ${parsed.error.summary}` });
      continue;
    }
    object = parsed.value.object;
    const normalized = normalizeWebhook(parsed.value);
    events.push(...normalized.events);
    // the normalizer's paths point into the one-item piece; report where it sat in the body
    setAside.push(...normalized.ignored.map((i) => ({ path: piece.path, reason: i.reason })));
  }
  if (object === undefined) {
    return {
      ok: false,
      object: objectName(json),
      summary: whole.error.summary,
      issues: whole.error.issues,
    };
  }
  return { ok: true, object, events, setAside };
}

function objectName(json: unknown): string {
  const value =
    typeof json === 'object' && json !== null ? (json as { object?: unknown }).object : undefined;
  return typeof value === 'string' ? value.slice(0, 64) : 'unknown';
}
