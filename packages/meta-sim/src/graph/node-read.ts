import type { Request } from 'express';
import { refuse, succeed, type Outcome } from '../engine/outcome';
import type { SimSetup } from '../engine/setup';
import type { GraphObject } from './auth';

/**
 * `GET /{phone-number-id}` and `GET /{page-id}`: the node itself, with the fields asked for in
 * `?fields=` (Graph API _Overview_: nodes and fields). A number answers `id`,
 * `display_phone_number` and `verified_name` (WhatsApp _Phone Numbers_ reference); a Page `id`
 * and `name` (Graph API _Page_ reference). Without `fields`, all of them. A field the node does
 * not have is Meta's code 100 ("Tried accessing nonexisting field"). A number also answers
 * `whatsapp_business_manager_messaging_limit` when asked (WhatsApp _Messaging limits_: the
 * portfolio's limit, e.g. `TIER_2K`; `messaging_limit_tier` is deprecated).
 *
 * @example
 * readNode(target, req); // { id: '106378625519977', name: 'Acme Sales' }
 */
export function readNode(target: GraphObject, req: Request, setup?: SimSetup): Outcome<object> {
  const all: Record<string, string> =
    target.kind === 'whatsapp'
      ? {
          id: target.number.phoneNumberId,
          display_phone_number: target.number.displayPhoneNumber,
          // the simulator has no verified business name: the number stands in for it
          verified_name: target.number.displayPhoneNumber,
        }
      : { id: target.page.pageId, name: target.page.name };
  const asked = typeof req.query.fields === 'string' ? req.query.fields : '';
  const fields = asked
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  if (fields.length === 0) return succeed(all);
  if (target.kind === 'whatsapp') {
    const id = target.number.phoneNumberId;
    // only when asked, as Meta does for fields outside a node's defaults
    all.whatsapp_business_manager_messaging_limit = setup?.messagingLimits[id] ?? 'TIER_2K';
  }
  const nodeType = target.kind === 'whatsapp' ? 'WhatsAppBusinessPhoneNumber' : 'Page';
  const reply: Record<string, string> = {};
  for (const field of fields) {
    const value = all[field];
    if (value === undefined) {
      return refuse(100, `no field ${field} on ${nodeType}`, {
        message: `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`,
      });
    }
    reply[field] = value;
  }
  // Meta always includes the id
  return succeed({ ...reply, id: all.id });
}
