// no zod here: the agent's ringing card reads this on the console's first load
import type { CallSource } from './call-source';

/**
 * What a person reads as the campaign: the link's label when an admin named the tag, else the
 * raw tag; undefined when the call came from no link.
 *
 * @example
 * campaignOf({ linkTag: 'spring', linkLabel: 'Spring flyer' }); // 'Spring flyer'
 * campaignOf({ linkTag: 'spring' }); // 'spring'
 */
export function campaignOf(source: CallSource | undefined): string | undefined {
  return source?.linkLabel ?? source?.linkTag;
}
