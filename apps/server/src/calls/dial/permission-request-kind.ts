import type { PermissionTemplate } from '@ringside/contracts/permission-template';

/** Meta's code for a free-form message outside the customer service window */
export const RE_ENGAGEMENT = 131047;

/**
 * How a WhatsApp call permission request is sent (*User call permissions*: free-form inside the
 * 24-hour customer service window, a template to start a conversation outside it):
 * - `free-form`: the customer called within the window, or no template is set (then Meta decides,
 *   since the server does not see the customer's text messages, and 131047 means ask them to
 *   write first);
 * - `template`: the window is not known to be open and the number has an approved template.
 *
 * @example
 * permissionRequestKind({ windowOpen: false, template: { name: 'cpr', language: 'en' } }); // 'template'
 * permissionRequestKind({ windowOpen: true, template: null }); // 'free-form'
 */
export function permissionRequestKind(known: {
  windowOpen: boolean;
  template: PermissionTemplate | null;
}): 'free-form' | 'template' {
  return known.windowOpen || known.template === null ? 'free-form' : 'template';
}

/**
 * What the agent reads when WhatsApp refuses the free-form request because the window is closed
 * and the number has no template to fall back on.
 *
 * @example
 * windowClosedWords('+447700900123'); // '+447700900123 has not messaged or called … set a permission template …'
 */
export function windowClosedWords(customer: string): string {
  return `${customer} has not messaged or called this number in the last 24 hours, so WhatsApp only lets us ask with an approved template, and this number has none. Ask the customer to message you first, or ask an admin to set a permission template for this number.`;
}
