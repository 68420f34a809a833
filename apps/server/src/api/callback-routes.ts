import type { Callback, CallbacksReply } from '@ringside/contracts';
import { Router, type Request } from 'express';
import { requireSameOrigin } from '../auth/origin-check';
import { requireSession, sessionUserOf, type SessionUser } from '../auth/require-session';
import { customerOf } from '../calls/call-views';
import { AppError } from '../http/app-error';
import type { Repos } from '../repos';
import type { CallbackListing } from '../repos/callbacks';
import type { BoardCountersPublisher } from '../sockets/board-counters';
import { agentScope } from './call-log-access';

export interface CallbackRouterOptions {
  repos: Pick<Repos, 'callbacks' | 'channels' | 'sessions' | 'users'>;
  clock: () => Date;
  publicOrigins: readonly string[];
  /** the board shows how many callbacks wait: a claim or done changes it */
  boardCounters: Pick<BoardCountersPublisher, 'changed'>;
}

/**
 * The callback worklist, mounted at `/api`: `GET /callbacks` (an agent's lines, by the rule
 * ringing uses; the workspace for supervisors and admins), and `POST /callbacks/:callId/claim`
 * ("I'll call back"; 409 naming who when someone else has), `/release` and `/done`. Not
 * audited: the audit log records admin and supervisor changes, and agents' own call work
 * (accepting, notes) is not in it either.
 *
 * @example
 * app.use('/api', createCallbackRouter({ repos, clock, publicOrigins, boardCounters }));
 * // GET /api/callbacks → { items: [{ callId, caller, called, tries: 2, claimedBy?: { userId, name } … }] }
 */
export function createCallbackRouter(options: CallbackRouterOptions): Router {
  const { repos, clock } = options;
  const router = Router();
  const signedIn = requireSession({ repos, clock });
  const changes = [signedIn, requireSameOrigin(options.publicOrigins)];

  router.get('/callbacks', signedIn, async (_req, res) => {
    const user = sessionUserOf(res);
    const items = await repos.callbacks.list(user.workspaceId, await linesOf(user), clock());
    const reply: CallbacksReply = { items: items.map(toCallback) };
    res.set('cache-control', 'no-store').json(reply);
  });

  router.post('/callbacks/:callId/claim', ...changes, async (req, res) => {
    const user = sessionUserOf(res);
    const callback = await waitingCallback(req, user);
    if (callback.claimedBy && callback.claimedBy !== user.userId) throw claimedBy(callback);
    const result = await repos.callbacks.claim(
      user.workspaceId,
      callback.callId,
      user.userId,
      clock(),
    );
    if (!result.ok) {
      const winner = await repos.users.getUser(user.workspaceId, result.claimedBy);
      throw claimedBy({ claimedByName: winner?.name ?? null });
    }
    options.boardCounters.changed(user.workspaceId);
    res.status(204).end();
  });

  router.post('/callbacks/:callId/release', ...changes, async (req, res) => {
    const user = sessionUserOf(res);
    const callback = await waitingCallback(req, user);
    // an agent lets go of their own claim; a supervisor may free anyone's
    await repos.callbacks.release(
      callback.missIds,
      user.role === 'agent' ? user.userId : undefined,
    );
    options.boardCounters.changed(user.workspaceId);
    res.status(204).end();
  });

  router.post('/callbacks/:callId/done', ...changes, async (req, res) => {
    const user = sessionUserOf(res);
    const callback = await waitingCallback(req, user);
    await repos.callbacks.done(user.workspaceId, callback.callId, user.userId, clock());
    options.boardCounters.changed(user.workspaceId);
    res.status(204).end();
  });

  async function linesOf(user: SessionUser): Promise<readonly string[] | undefined> {
    return (await agentScope(repos, user))?.answeredChannelIds;
  }

  /** the waiting callback the path names (any of its misses), among those the user may see */
  async function waitingCallback(req: Request, user: SessionUser): Promise<CallbackListing> {
    const callId = req.params['callId'];
    const callback =
      typeof callId === 'string'
        ? await repos.callbacks.find(user.workspaceId, await linesOf(user), callId, clock())
        : undefined;
    if (!callback) throw new AppError('not_found', 404, 'No callback waits for that call.');
    return callback;
  }

  return router;
}

function claimedBy(callback: Pick<CallbackListing, 'claimedByName'>): AppError {
  return new AppError(
    'already_claimed',
    409,
    `${callback.claimedByName ?? 'A colleague'} is already calling this customer back.`,
  );
}

function toCallback(item: CallbackListing): Callback {
  return {
    callId: item.callId,
    channel: item.channelKind,
    caller: customerOf(item),
    called: { channelId: item.channelId, label: item.calledLabel },
    firstMissedAt: item.firstMissedAt.toISOString(),
    lastMissedAt: item.lastMissedAt.toISOString(),
    tries: item.tries,
    ...(item.claimedBy
      ? { claimedBy: { userId: item.claimedBy, name: item.claimedByName ?? '' } }
      : {}),
    ...(item.claimedAt ? { claimedAt: item.claimedAt.toISOString() } : {}),
    ...(item.voicemail ? { voicemail: true } : {}),
  };
}
