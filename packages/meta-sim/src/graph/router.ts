import express, { Router, type Request, type RequestHandler } from 'express';
import { isGraphVersion } from '../engine/config';
import type { EngineContext } from '../engine/context';
import { newTraceId } from '../engine/ids';
import { refuse, type MetaFailure, type Outcome } from '../engine/outcome';
import { authorize, unsupported, type GraphObject } from './auth';
import { errorEnvelope } from './envelope';
import { GraphFaults } from './faults';
import {
  getMessengerCallPermissions,
  getMessengerCallSettings,
  postMessengerCallSettings,
  postMessengerCalls,
  postMessengerMessage,
} from './messenger-edges';
import { mountMediaRoutes } from './media-edges';
import { readNode } from './node-read';
import { mountSetupRoutes } from './setup-edges';
import { mountSubscriptionWrites } from './subscription-writes';
import { withoutToken, type RequestLog } from './request-log';
import {
  getWhatsAppCallPermissions,
  getWhatsAppSettings,
  postWhatsAppCalls,
  postWhatsAppMessage,
  postWhatsAppSettings,
} from './whatsapp-edges';

type Edge = (target: GraphObject, req: Request) => Promise<Outcome<object>> | Outcome<object>;

/** Meta accepts bodies up to 3 MB */
const BODY_LIMIT = '3mb';

/**
 * The Graph API emulator as a mountable Express 5 router, serving `/{version}/{id}/{edge}` for
 * any well-formed version (`v24.0`). Other paths fall through to the app, and bodies are parsed
 * only on the simulator's own routes, so mounting it at the root leaves the app's raw-body
 * webhook route alone.
 *
 * @example
 * app.use('/graph', createGraphRouter(ctx, log)); // GRAPH_API_BASE_URL=http://localhost:3000/graph
 */
export function createGraphRouter(
  ctx: EngineContext,
  log: RequestLog,
  faults: GraphFaults = new GraphFaults(),
): Router {
  const router = Router();
  const edges: Array<[method: 'get' | 'post', edge: string, handle: Edge]> = [
    [
      'post',
      'calls',
      (t, req) =>
        t.kind === 'whatsapp'
          ? postWhatsAppCalls(ctx, t.number, req)
          : postMessengerCalls(ctx, t.page, req),
    ],
    [
      'get',
      'call_permissions',
      (t, req) =>
        t.kind === 'whatsapp'
          ? getWhatsAppCallPermissions(ctx, t.number, req)
          : unsupportedFor(t, req),
    ],
    [
      'post',
      'messages',
      (t, req) =>
        t.kind === 'whatsapp'
          ? postWhatsAppMessage(ctx, t.number, req)
          : postMessengerMessage(ctx, t.page, req),
    ],
    [
      'get',
      'settings',
      (t, req) =>
        t.kind === 'whatsapp' ? getWhatsAppSettings(ctx, t.number) : unsupportedFor(t, req),
    ],
    [
      'post',
      'settings',
      (t, req) =>
        t.kind === 'whatsapp' ? postWhatsAppSettings(ctx, t.number, req) : unsupportedFor(t, req),
    ],
    [
      'get',
      'messenger_call_settings',
      (t, req) =>
        t.kind === 'messenger' ? getMessengerCallSettings(ctx, t.page) : unsupportedFor(t, req),
    ],
    [
      'post',
      'messenger_call_settings',
      (t, req) =>
        t.kind === 'messenger'
          ? postMessengerCallSettings(ctx, t.page, req)
          : unsupportedFor(t, req),
    ],
    [
      'get',
      'messenger_call_permissions',
      (t, req) =>
        t.kind === 'messenger'
          ? getMessengerCallPermissions(ctx, t.page, req)
          : unsupportedFor(t, req),
    ],
  ];
  for (const [method, edge, handle] of edges) {
    router[method](
      `/:version/:id/${edge}`,
      versionOnly,
      parseJson,
      endpoint(ctx, log, injected(faults, edge, handle)),
    );
  }
  // recordings and transcripts by media id, and their downloads
  mountMediaRoutes(router, ctx, faults);
  // the set-up reads an installation checks itself with (debug_token, subscriptions)
  mountSetupRoutes(router, ctx);
  // installing the app on a WABA or a Page (the deployment guide's two POSTs)
  mountSubscriptionWrites(router, ctx);
  // the number or Page itself: the read that proves a token may act for it
  router.get(
    '/:version/:id',
    versionOnly,
    parseJson,
    endpoint(ctx, log, (t, req) => readNode(t, req, ctx.config.setup)),
  );
  // anything else under a version is an edge Meta does not serve here
  router.all('/:version/:id/*rest', versionOnly, parseJson, endpoint(ctx, log, unsupportedFor));
  return router;
}

/** a queued fault, if one matches, answers before Meta's rules do */
function injected(faults: GraphFaults, edge: string, handle: Edge): Edge {
  return (target, req) => {
    const failure = faults.take(edge, readString(req.body, 'action'));
    return failure ? { ok: false, error: failure } : handle(target, req);
  };
}

/** leaves paths that do not start with a Graph version to the rest of the app */
const versionOnly: RequestHandler = (req, _res, next) => {
  next(isGraphVersion(String(req.params.version)) ? undefined : 'route');
};

const json = express.json({ limit: BODY_LIMIT });

/** parses JSON; a parse failure is answered in Meta's envelope, not by the app's error handler */
const parseJson: RequestHandler = (req, res, next) => {
  json(req, res, (error?: unknown) => {
    if (error !== undefined) res.locals.metaSimBodyError = error;
    next();
  });
};

function endpoint(ctx: EngineContext, log: RequestLog, handle: Edge): RequestHandler {
  return async (req, res) => {
    const at = Date.now();
    const traceId = newTraceId();
    const objectId = String(req.params.id);
    let outcome: Outcome<object>;
    try {
      outcome = await run(ctx, req, res.locals.metaSimBodyError, objectId, handle);
    } catch (error) {
      ctx.config.emit({
        type: 'warning',
        message: `graph ${req.method} ${req.path} failed: ${String(error)}`,
      });
      outcome = refuse(2, 'the simulator failed unexpectedly; retry', { httpStatus: 500 });
    }
    const status = outcome.ok ? 200 : outcome.error.httpStatus;
    const reply = outcome.ok ? outcome.value : errorEnvelope(outcome.error, traceId);
    const body = withoutToken(req.body);
    const action = readString(body, 'action');
    const callId = readString(body, 'call_id') ?? createdCallId(reply);
    const errorCode = outcome.ok ? null : outcome.error.code;
    const edge = req.path.split('/').slice(3).join('/');
    log.add({
      method: req.method,
      path: req.path,
      version: String(req.params.version),
      objectId,
      edge,
      query: withoutToken({ ...req.query }) as Record<string, unknown>,
      body,
      action,
      callId,
      status,
      reply,
      errorCode,
      at,
      durationMs: Date.now() - at,
    });
    ctx.config.emit({
      type: 'graph.request',
      method: req.method,
      path: req.path,
      status,
      ...(action === null ? {} : { action }),
      ...(callId === null ? {} : { callId }),
      ...(errorCode === null ? {} : { errorCode }),
    });
    res.status(status).set('x-fb-trace-id', traceId).json(reply);
  };
}

async function run(
  ctx: EngineContext,
  req: Request,
  bodyError: unknown,
  objectId: string,
  handle: Edge,
): Promise<Outcome<object>> {
  const target = authorize(ctx.config, req, objectId);
  if (!target.ok) return target;
  if (bodyError !== undefined) return bodyRefusal(bodyError);
  return handle(target.value, req);
}

function unsupportedFor(_target: GraphObject, req: Request): Outcome<object> {
  return unsupported(req.method, String(req.params.id));
}

function bodyRefusal(error: unknown): { ok: false; error: MetaFailure } {
  const tooLarge =
    typeof error === 'object' &&
    error !== null &&
    (error as { type?: unknown }).type === 'entity.too.large';
  return tooLarge
    ? refuse(100, `the body is larger than ${BODY_LIMIT}`, { httpStatus: 413 })
    : refuse(100, 'the body is not valid JSON');
}

function readString(value: unknown, key: string): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : null;
}

/** the id a `connect` created: `calls[0].id` (WhatsApp) or `id` (Messenger) */
function createdCallId(reply: unknown): string | null {
  if (typeof reply !== 'object' || reply === null) return null;
  const calls = (reply as { calls?: unknown }).calls;
  if (Array.isArray(calls)) return readString(calls[0], 'id');
  return readString(reply, 'id');
}
