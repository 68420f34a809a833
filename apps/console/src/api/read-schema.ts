import { isRecord, type ReadReply } from './http';

/**
 * The one method of a zod schema the readers need. The console does not depend on zod itself:
 * the contracts' schemas bring it, and only the lazily loaded pages use them.
 */
export interface ReplySchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/**
 * A reply reader from a contracts schema: the parsed reply, or `undefined` when it does not fit.
 *
 * @example
 * const readBoard = readWith(boardSnapshotPayloadSchema);
 * await rest.get('/api/supervisor/board', readBoard);
 */
export function readWith<T>(schema: ReplySchema<T>): ReadReply<T> {
  return (body) => {
    const parsed = schema.safeParse(body);
    return parsed.success ? parsed.data : undefined;
  };
}

/**
 * Reads an `{ items: [...] }` list reply, refusing it whole when any item does not fit.
 *
 * @example
 * await rest.get('/api/admin/users', readItems(userViewSchema));
 */
export function readItems<T>(schema: ReplySchema<T>): ReadReply<T[]> {
  return (body) => {
    if (!isRecord(body) || !Array.isArray(body['items'])) return undefined;
    const items: T[] = [];
    for (const item of body['items']) {
      const parsed = schema.safeParse(item);
      if (!parsed.success) return undefined;
      items.push(parsed.data);
    }
    return items;
  };
}

/**
 * A path segment from an id, escaped so an odd id cannot reach another route.
 *
 * @example
 * `/api/admin/users/${segment('u/1')}`; // '/api/admin/users/u%2F1'
 */
export function segment(id: string): string {
  return encodeURIComponent(id);
}
