import { isBsuid } from '@ringside/contracts';

/**
 * How a WhatsApp request names its customer (*Business-scoped user IDs*): a phone number goes in
 * `to`, a business-scoped user id in `recipient` (Meta lets `to` win when both are sent, so only
 * one is ever sent).
 *
 * @example
 * customerAddress('918097530000'); // { to: '918097530000' }
 * customerAddress('US.13491208655302741918'); // { recipient: 'US.13491208655302741918' }
 */
export function customerAddress(id: string): { to: string } | { recipient: string } {
  return isBsuid(id) ? { recipient: id } : { to: id };
}
