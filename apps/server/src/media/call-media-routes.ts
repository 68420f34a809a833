import {
  callTranscriptSchema,
  type CallMediaKind,
  type CallMediaListReply,
  type CallMediaView,
} from '@ringside/contracts/call-media';
import { Router, type Response } from 'express';
import { maySeeCall } from '../api/call-log-access';
import { requireSession, sessionUserOf, type SessionUser } from '../auth/require-session';
import { AppError } from '../http/app-error';
import type { Repos } from '../repos';
import type { CallMediaRow } from '../repos/call-media';
import { parseByteRange } from './byte-range';
import type { MediaStore } from './media-store';

export interface CallMediaRouterOptions {
  repos: Pick<Repos, 'calls' | 'channels' | 'sessions' | 'callMedia' | 'auditLog'>;
  store: MediaStore;
  clock: () => Date;
}

/**
 * A call's recording and transcript for the call detail, mounted at `/api`:
 * `GET /calls/:id/media` (what there is), `GET /calls/:id/recording` and `GET /calls/:id/voicemail`
 * (streamed with HTTP Range so a player can seek; `?download=1` as an attachment) and
 * `GET /calls/:id/transcript`. Whoever
 * may open the call in the call log may hear it; anyone else gets the same 404 as for a call
 * that does not exist. Every play (a request from the first byte), download and transcript view
 * is written to the audit log.
 *
 * @example
 * app.use('/api', createCallMediaRouter({ repos, store, clock }));
 */
export function createCallMediaRouter(options: CallMediaRouterOptions): Router {
  const { repos, store } = options;
  const router = Router();
  const signedIn = requireSession({ repos, clock: options.clock });

  async function callFor(user: SessionUser, id: unknown) {
    const detail =
      typeof id === 'string' ? await repos.calls.getCall(user.workspaceId, id) : undefined;
    if (!detail || !(await maySeeCall(repos, user, detail.call))) {
      throw new AppError('not_found', 404, 'No such call.');
    }
    return detail.call;
  }

  async function fileOf(user: SessionUser, callId: string, kind: CallMediaKind) {
    const row = await repos.callMedia.getForCall(user.workspaceId, callId, kind);
    const bytes =
      row?.status === 'stored' && row.storageKey ? await store.get(row.storageKey) : undefined;
    if (!row || !bytes) throw new AppError('not_found', 404, `This call has no ${kind} to show.`);
    return { row, bytes };
  }

  async function audit(
    user: SessionUser,
    action: string,
    call: { id: string; metaCallId: string },
  ) {
    await repos.auditLog.record({
      workspaceId: user.workspaceId,
      actor: { userId: user.userId, name: user.name, email: user.email },
      action,
      target: { type: 'call', id: call.id, label: call.metaCallId },
    });
  }

  router.get('/calls/:id/media', signedIn, async (req, res) => {
    const user = sessionUserOf(res);
    const call = await callFor(user, req.params['id']);
    const rows = await repos.callMedia.listForCall(user.workspaceId, call.id);
    const reply: CallMediaListReply = { items: rows.map(toView) };
    res.json(reply);
  });

  // a recording and a voicemail play the same way; each listen is audited under its kind
  for (const kind of ['recording', 'voicemail'] as const) {
    router.get(`/calls/:id/${kind}`, signedIn, async (req, res) => {
      const user = sessionUserOf(res);
      const call = await callFor(user, req.params['id']);
      const { row, bytes } = await fileOf(user, call.id, kind);
      const download = req.query['download'] === '1';
      const range = download ? undefined : parseByteRange(req.get('range'), bytes.length);
      if (range === 'unsatisfiable') {
        res.status(416).set('content-range', `bytes */${bytes.length}`).end();
        return;
      }
      // a player asks for many ranges while it plays and seeks: one entry per listen, not per range
      if (download) await audit(user, `call.${kind}.download`, call);
      else if (range === undefined || range.start === 0)
        await audit(user, `call.${kind}.play`, call);
      sendBytes(res, bytes, row, range, download);
    });
  }

  router.get('/calls/:id/transcript', signedIn, async (req, res) => {
    const user = sessionUserOf(res);
    const call = await callFor(user, req.params['id']);
    const { bytes } = await fileOf(user, call.id, 'transcript');
    const parsed = callTranscriptSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    if (!parsed.success)
      throw new AppError('not_found', 404, 'This call has no transcript to show.');
    await audit(user, 'call.transcript.view', call);
    res.set('cache-control', 'private, no-store').json(parsed.data);
  });

  return router;
}

function sendBytes(
  res: Response,
  bytes: Buffer,
  row: CallMediaRow,
  range: { start: number; end: number } | undefined,
  download: boolean,
): void {
  res.set({
    'content-type': row.mimeType ?? 'application/octet-stream',
    'accept-ranges': 'bytes',
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
  if (download) {
    res.set('content-disposition', `attachment; filename="call-${row.callId}.ogg"`);
  }
  if (range === undefined) {
    res.status(200).set('content-length', String(bytes.length)).end(bytes);
    return;
  }
  res
    .status(206)
    .set({
      'content-range': `bytes ${range.start}-${range.end}/${bytes.length}`,
      'content-length': String(range.end - range.start + 1),
    })
    .end(bytes.subarray(range.start, range.end + 1));
}

function toView(row: CallMediaRow): CallMediaView {
  return {
    kind: row.kind,
    status: row.status,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    error: row.error,
    storedAt: row.storedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}
