import { createHash } from 'node:crypto';
import type { Request, Response, Router } from 'express';
import { isGraphVersion } from '../engine/config';
import type { EngineContext, SimMediaFile } from '../engine/context';
import { newTraceId } from '../engine/ids';
import { authorize, unsupported } from './auth';
import { errorEnvelope } from './envelope';
import type { GraphFaults } from './faults';

/** where a file is downloaded from, under the router's mount point */
const DOWNLOAD_PATH = '/sim-media';

/**
 * Meta's media retrieval for recordings and transcripts: `GET /{version}/{media-id}` answers
 * `{ url, mime_type, sha256, file_size, id }`, and the file comes from `url` with the same
 * access token in the Authorization header (WhatsApp *Media* reference). Only the token of the
 * number whose call it was may read it; any other gets Meta's 401. Mounted before the node read.
 *
 * @example
 * mountMediaRoutes(router, ctx);
 */
export function mountMediaRoutes(router: Router, ctx: EngineContext, faults: GraphFaults): void {
  router.get('/:version/:id', (req, res, next) => {
    const file = ctx.mediaFiles.get(String(req.params.id));
    if (!isGraphVersion(String(req.params.version)) || !file) {
      next('route');
      return;
    }
    if (!allowed(ctx, req, res, file)) return;
    // a fault queued for the edge `media` refuses the read (tests of a fetch that must be retried)
    const fault = faults.take('media', null);
    if (fault) {
      fail(res, fault);
      return;
    }
    const url = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.baseUrl}${DOWNLOAD_PATH}/${file.id}`;
    ctx.config.emit({ type: 'graph.request', method: 'GET', path: req.path, status: 200 });
    res.json({
      messaging_product: 'whatsapp',
      url,
      mime_type: file.mimeType,
      sha256: sha256(file.bytes),
      file_size: file.bytes.length,
      id: file.id,
    });
  });
  router.get(`${DOWNLOAD_PATH}/:id`, (req, res) => {
    const file = ctx.mediaFiles.get(String(req.params.id));
    if (!file) {
      fail(res, unsupported('GET', String(req.params.id)).error);
      return;
    }
    if (!allowed(ctx, req, res, file)) return;
    res.status(200).set('content-type', file.mimeType).end(file.bytes);
  });
}

function allowed(ctx: EngineContext, req: Request, res: Response, file: SimMediaFile): boolean {
  const target = authorize(ctx.config, req, file.businessId);
  if (target.ok) return true;
  fail(res, target.error);
  return false;
}

function fail(res: Response, error: Parameters<typeof errorEnvelope>[0]): void {
  res.status(error.httpStatus).json(errorEnvelope(error, newTraceId()));
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
