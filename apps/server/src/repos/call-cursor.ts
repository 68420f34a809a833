import { isUuid } from './ids';

/** Where a call log page ended: the last row's start and id. */
export interface CallCursor {
  readonly offeredAt: Date;
  readonly id: string;
}

/**
 * An opaque cursor for the row a page ended on.
 *
 * @example
 * encodeCallCursor({ offeredAt: new Date(0), id }); // 'MTk3MC0wMS0wMVQwMDowMDowMC4wMDBafC4uLg'
 */
export function encodeCallCursor(last: CallCursor): string {
  return Buffer.from(`${last.offeredAt.toISOString()}|${last.id}`, 'utf8').toString('base64url');
}

/**
 * Reads a cursor back; `null` when it is not one of ours (edited, truncated, from elsewhere).
 *
 * @example
 * decodeCallCursor('garbage'); // null
 */
export function decodeCallCursor(cursor: string): CallCursor | null {
  if (cursor.length > 200) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const [iso, id, ...rest] = text.split('|');
  if (iso === undefined || id === undefined || rest.length > 0 || !isUuid(id)) return null;
  const offeredAt = new Date(iso);
  if (Number.isNaN(offeredAt.getTime()) || offeredAt.toISOString() !== iso) return null;
  return { offeredAt, id };
}
