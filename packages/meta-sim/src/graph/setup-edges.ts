import type { Request, RequestHandler, Response, Router } from 'express';
import { isGraphVersion, type SimConfig } from '../engine/config';
import type { EngineContext } from '../engine/context';
import { newTraceId } from '../engine/ids';
import { DEFAULT_PAGE_FIELDS } from '../engine/setup';
import { refuse, succeed, type MetaFailure, type Outcome } from '../engine/outcome';
import { expired, readToken, unsupported } from './auth';
import { errorEnvelope } from './envelope';
import { inspectToken } from './token-inspection';

/**
 * The reads an installation makes to check its Meta set-up, answered from `config.setup`
 * (engine/setup.ts):
 * - `GET /debug_token?input_token=` (Graph API _Debug-Token_): a token's app, validity, expiry,
 *   scopes and `granular_scopes` with their `target_ids`;
 * - `GET /{waba-id}/subscribed_apps` (_WhatsApp Business Account Subscribed Apps_): the apps
 *   subscribed to the WABA's webhooks, `data: []` when none;
 * - `GET /{page-id}/subscribed_apps` (_Page Subscribed Apps_): the app with the Page's
 *   `subscribed_fields`;
 * - `GET /{app-id}/subscriptions` (_Application Subscriptions_, app access token only): the
 *   fields the app subscribes to for each object.
 * Mounted before the node read, so these paths never reach it.
 *
 * @example
 * mountSetupRoutes(router, ctx);
 */
export function mountSetupRoutes(router: Router, ctx: EngineContext): void {
  const { config } = ctx;
  router.get('/:version/debug_token', versionOnly, (req, res) => {
    answer(ctx, req, res, () => {
      const caller = callerToken(config, req);
      if (!caller.ok) return caller;
      const input = req.query.input_token;
      if (typeof input !== 'string' || input === '') {
        return refuse(100, 'input_token is required', {
          message: '(#100) The parameter input_token is required',
        });
      }
      return succeed({ data: inspectToken(config, input) });
    });
  });
  router.get(
    '/:version/:id/subscribed_apps',
    versionOnly,
    subscribedAppsHandler(ctx, 'GET', {
      page: (page) => {
        const fields = config.setup.pageFields[page.pageId] ?? DEFAULT_PAGE_FIELDS;
        return succeed({
          data:
            fields.length === 0
              ? []
              : [
                  {
                    category: 'Business',
                    link: `https://www.facebook.com/games/?app_id=${config.setup.appId}`,
                    name: config.setup.appName,
                    id: config.setup.appId,
                    subscribed_fields: fields,
                  },
                ],
        });
      },
      waba: (wabaId) => {
        const subscribed = !config.setup.unsubscribedWabas.includes(wabaId);
        return succeed({
          data: subscribed
            ? [
                {
                  whatsapp_business_api_data: {
                    link: `https://www.facebook.com/games/?app_id=${config.setup.appId}`,
                    name: config.setup.appName,
                    id: config.setup.appId,
                  },
                },
              ]
            : [],
        });
      },
    }),
  );
  router.get('/:version/:id/subscriptions', versionOnly, (req, res, next) => {
    if (String(req.params.id) !== config.setup.appId) {
      next('route');
      return;
    }
    answer(ctx, req, res, () => {
      const token = readToken(req);
      if (token !== `${config.setup.appId}|${config.appSecret}`) {
        return refuse(15, 'an app access token is required', {
          message: '(#15) This method must be called with an app access_token.',
          httpStatus: 400,
        });
      }
      const version = config.graphVersion;
      const objects = Object.entries(config.setup.appFields).filter(([, f]) => f.length > 0);
      return succeed({
        data: objects.map(([object, fields]) => ({
          object,
          callback_url: config.webhookUrl ?? '',
          active: true,
          fields: fields.map((name) => ({ name, version })),
        })),
      });
    });
  });
}

type SimPage = SimConfig['pages'][number];

/**
 * The handler of `/{waba-id or page-id}/subscribed_apps` for `method`: an id that is neither goes
 * on to the next route; the caller's token must be that Page's, or one of that WABA's numbers'
 * (else Meta's "unsupported request"); then `on.page` or `on.waba` answers.
 *
 * @example
 * router.post('/:version/:id/subscribed_apps', versionOnly, subscribedAppsHandler(ctx, 'POST', { page, waba }));
 */
export function subscribedAppsHandler(
  ctx: EngineContext,
  method: 'GET' | 'POST',
  on: {
    page(page: SimPage, req: Request): Outcome<object>;
    waba(wabaId: string, req: Request): Outcome<object>;
  },
): RequestHandler {
  const { config } = ctx;
  return (req, res, next) => {
    const id = String(req.params.id);
    const inWaba = config.numbers.filter((n) => n.wabaId === id);
    const page = config.pages.find((p) => p.pageId === id);
    if (inWaba.length === 0 && !page) {
      next('route');
      return;
    }
    answer(ctx, req, res, () => {
      const caller = callerToken(config, req);
      if (!caller.ok) return caller;
      if (page)
        return page.accessToken === caller.value ? on.page(page, req) : unsupported(method, id);
      return inWaba.some((n) => n.accessToken === caller.value)
        ? on.waba(id, req)
        : unsupported(method, id);
    });
  };
}

/** the token a request is made with: one the simulator issued, not expired */
function callerToken(config: SimConfig, req: Request): Outcome<string> {
  const token = readToken(req);
  if (token === null) {
    return refuse(190, 'no access token', {
      httpStatus: 401,
      message: 'An access token is required to request this resource.',
    });
  }
  const known = [
    ...config.numbers.map((n) => n.accessToken),
    ...config.pages.map((p) => p.accessToken),
    `${config.setup.appId}|${config.appSecret}`,
  ];
  if (!known.includes(token)) {
    return refuse(190, 'invalid access token', {
      httpStatus: 401,
      message: 'The access token could not be decrypted or is invalid.',
    });
  }
  if (config.setup.expiredTokens.includes(token)) return expired();
  return succeed(token);
}

export const versionOnly: RequestHandler = (req, _res, next) => {
  next(isGraphVersion(String(req.params.version)) ? undefined : 'route');
};

function answer(
  ctx: EngineContext,
  req: Request,
  res: Response,
  handle: () => Outcome<object>,
): void {
  const outcome = handle();
  const status = outcome.ok ? 200 : outcome.error.httpStatus;
  ctx.config.emit({
    type: 'graph.request',
    method: req.method,
    path: req.path,
    status,
    ...(outcome.ok ? {} : { errorCode: outcome.error.code }),
  });
  const traceId = newTraceId();
  res
    .status(status)
    .set('x-fb-trace-id', traceId)
    .json(outcome.ok ? outcome.value : errorEnvelope(outcome.error as MetaFailure, traceId));
}
