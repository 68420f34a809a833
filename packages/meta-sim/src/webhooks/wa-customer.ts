import { isBsuid } from '@ringside/contracts';
import type { WaContact } from './webhook-event';

// *Business-scoped user IDs*: for a user who set a username and shared no number with the
// business lately, Meta leaves the phone out of calling webhooks and sends the BSUID instead.
// The simulator holds such a user's id as the BSUID itself (placeCall's `knownBy: 'username'`).

/**
 * The user's entry in `contacts[]`: `wa_id` for a phone number, `user_id` and the
 * `profile.username` for a user known by BSUID.
 *
 * @example
 * waContact('US.13491208655302741918', 'Priya', '@priya.k');
 * // { profile: { name: 'Priya', username: '@priya.k' }, user_id: 'US.13491208655302741918' }
 */
export function waContact(userId: string, name: string, username: string | null): WaContact {
  if (!isBsuid(userId)) return { profile: { name }, wa_id: userId };
  return { profile: { name, ...(username === null ? {} : { username }) }, user_id: userId };
}

/**
 * The field that names the user in a call item: `from`/`to`/`recipient_id` for a phone number,
 * `from_user_id`/`to_user_id`/`recipient_user_id` for a BSUID.
 *
 * @example
 * waUserField('from', '918097530000'); // { from: '918097530000' }
 * waUserField('recipient', 'US.1349'); // { recipient_user_id: 'US.1349' }
 */
export function waUserField(
  role: 'from' | 'to' | 'recipient',
  userId: string,
): Record<string, string> {
  if (isBsuid(userId)) return { [`${role}_user_id`]: userId };
  return { [role === 'recipient' ? 'recipient_id' : role]: userId };
}
