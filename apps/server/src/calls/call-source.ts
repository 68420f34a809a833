import type { CallSource } from '@ringside/contracts';
import type { CallLinksRepo } from '../repos/call-links';

/** the payload columns a call row keeps */
interface PayloadColumns {
  channelId: string;
  deeplinkPayload: string | null;
  ctaPayload: string | null;
}

/**
 * Where a call came from, as agents and history show it: the call link's tag with the label an
 * admin gave it (when a link of that number has the tag) and the call button's payload.
 * Undefined for a call that carried neither.
 *
 * @example
 * toCallSource({ channelId, deeplinkPayload: 'spring', ctaPayload: null }, 'Spring flyer');
 * // { linkTag: 'spring', linkLabel: 'Spring flyer' }
 */
export function toCallSource(
  row: PayloadColumns,
  linkLabel?: string | null,
): CallSource | undefined {
  if (!row.deeplinkPayload && !row.ctaPayload) return undefined;
  return {
    ...(row.deeplinkPayload ? { linkTag: row.deeplinkPayload } : {}),
    ...(row.deeplinkPayload && linkLabel ? { linkLabel } : {}),
    ...(row.ctaPayload ? { ctaPayload: row.ctaPayload } : {}),
  };
}

/** {@link toCallSource}, looking the link's label up */
export async function callSourceOf(
  callLinks: Pick<CallLinksRepo, 'labelOf'>,
  row: PayloadColumns,
): Promise<CallSource | undefined> {
  const label = row.deeplinkPayload
    ? await callLinks.labelOf(row.channelId, row.deeplinkPayload)
    : undefined;
  return toCallSource(row, label);
}
