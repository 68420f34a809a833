/** one event's worth of a Meta delivery, as an envelope of its own, and where it sat */
export interface EnvelopePiece {
  /** e.g. `entry[0].changes[1].value.calls[2]` */
  readonly path: string;
  readonly envelope: Record<string, unknown>;
}

// the arrays of one WhatsApp change value and of one Messenger entry that hold events
const WHATSAPP_ITEMS = ['calls', 'statuses', 'messages'] as const;
const MESSENGER_ITEMS = ['calls', 'messaging'] as const;

/**
 * Splits a Meta delivery into envelopes that each carry one item (one call, status or message;
 * a change with none stays whole), keeping everything around it (metadata, contacts, errors).
 * Used when the delivery does not parse as a whole, so that one item Ringside cannot read (a new
 * event type, another product's change) does not sink the calls beside it. `undefined` when the
 * body is not an envelope at all.
 *
 * @example
 * splitEnvelope({ object: 'page', entry: [{ id: 'p', calls: [a, b] }] });
 * // [{ path: 'entry[0].calls[0]', envelope: { object: 'page', entry: [{ id: 'p', calls: [a] }] } }, …]
 */
export function splitEnvelope(body: unknown): EnvelopePiece[] | undefined {
  if (!isRecord(body) || !Array.isArray(body['entry'])) return undefined;
  const envelope = (entry: unknown) => ({ ...body, entry: [entry] });
  return body['entry'].flatMap((entry: unknown, e): EnvelopePiece[] => {
    const at = `entry[${e}]`;
    if (!isRecord(entry)) return [{ path: at, envelope: envelope(entry) }];
    if (body['object'] === 'whatsapp_business_account' && Array.isArray(entry['changes'])) {
      return entry['changes'].flatMap((change: unknown, c) =>
        itemsOf(change, 'value', WHATSAPP_ITEMS, `${at}.changes[${c}]`).map((piece) => ({
          path: piece.path,
          envelope: envelope({ ...entry, changes: [piece.holder] }),
        })),
      );
    }
    return onePerItem(entry, MESSENGER_ITEMS, at).map((piece) => ({
      path: piece.path,
      envelope: envelope(piece.holder),
    }));
  });
}

/** the change with its value split one item per copy (`nested` names the value's key) */
function itemsOf(
  change: unknown,
  nested: string,
  arrays: readonly string[],
  at: string,
): { path: string; holder: unknown }[] {
  if (!isRecord(change) || !isRecord(change[nested])) return [{ path: at, holder: change }];
  return onePerItem(change[nested], arrays, `${at}.${nested}`).map((piece) => ({
    path: piece.path,
    holder: { ...change, [nested]: piece.holder },
  }));
}

/** copies of `holder`, each with exactly one item across its item arrays */
function onePerItem(
  holder: Record<string, unknown>,
  arrays: readonly string[],
  at: string,
): { path: string; holder: Record<string, unknown> }[] {
  const bare: Record<string, unknown> = { ...holder };
  for (const key of arrays) delete bare[key];
  const pieces = arrays.flatMap((key) => {
    const items = holder[key];
    if (!Array.isArray(items)) return [];
    return items.map((item: unknown, i) => ({
      path: `${at}.${key}[${i}]`,
      holder: { ...bare, [key]: [item] },
    }));
  });
  return pieces.length > 0 ? pieces : [{ path: at, holder }];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
