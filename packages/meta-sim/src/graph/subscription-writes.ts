import type { Router } from 'express';
import type { EngineContext } from '../engine/context';
import { refuse, succeed } from '../engine/outcome';
import { subscribedAppsHandler, versionOnly } from './setup-edges';

/**
 * The Page webhook fields the simulator knows for `subscribed_fields` (Meta's list is longer;
 * these are the ones a calling app asks for)
 */
const PAGE_FIELDS = new Set([
  'calls',
  'call_permission_reply',
  'messages',
  'messaging_postbacks',
  'message_deliveries',
  'message_reads',
]);

/**
 * The two writes that install the app on the business's assets, as a deployment makes them:
 * - `POST /{waba-id}/subscribed_apps` with a token that has the WABA (_Managing Webhooks_,
 *   "Subscribe to webhooks on a client WABA"): the app gets the WABA's webhooks; `{success: true}`;
 * - `POST /{page-id}/subscribed_apps?subscribed_fields=…` with the Page's token (_Page Subscribed
 *   Apps_, _Webhooks for Pages_ "Install your app"): the Page's fields for the app become these;
 *   `{success: true}`. The simulator reads the fields from the query string only. `subscribed_fields` is required; a field the simulator does not know is
 *   refused with #100 (the wording is ours: Meta's pages show no sample of that refusal).
 * What they change, `GET …/subscribed_apps` reads back (setup-edges.ts). Mounted before the node
 * write, so these paths never reach it.
 *
 * @example
 * mountSubscriptionWrites(router, ctx);
 */
export function mountSubscriptionWrites(router: Router, ctx: EngineContext): void {
  const { config } = ctx;
  router.post(
    '/:version/:id/subscribed_apps',
    versionOnly,
    subscribedAppsHandler(ctx, 'POST', {
      page: (page, req) => {
        const asked = subscribedFields(req.query.subscribed_fields);
        if (asked.length === 0) {
          return refuse(100, 'subscribed_fields is required', {
            message: '(#100) The parameter subscribed_fields is required',
          });
        }
        const unknown = asked.find((field) => !PAGE_FIELDS.has(field));
        if (unknown !== undefined) {
          return refuse(100, `unknown field ${unknown}`, {
            message: `(#100) Param subscribed_fields must be one of {${[...PAGE_FIELDS].join(', ')}} - got "${unknown}"`,
          });
        }
        config.setup.pageFields[page.pageId] = asked;
        return succeed({ success: true });
      },
      waba: (wabaId) => {
        config.setup.unsubscribedWabas = config.setup.unsubscribedWabas.filter((w) => w !== wabaId);
        return succeed({ success: true });
      },
    }),
  );
}

/** `?subscribed_fields=calls,call_permission_reply` (or repeated) as a list of fields */
function subscribedFields(value: unknown): string[] {
  const list = Array.isArray(value) ? value.map(String) : String(value ?? '').split(',');
  return list.map((field) => field.trim()).filter((field) => field !== '');
}
