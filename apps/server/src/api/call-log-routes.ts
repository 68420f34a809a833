import { once } from 'node:events';
import {
  CALLS_PAGE_MAX,
  callsListQuerySchema,
  type CallsListQuery,
  type CallsPageReply,
} from '@ringside/contracts';
import { Router, type Request, type Response } from 'express';
import { requireSession, sessionUserOf, type SessionUser } from '../auth/require-session';
import { AppError } from '../http/app-error';
import { parseBody } from '../http/parse-body';
import type { CallListFilters, Repos } from '../repos';
import { agentScope, maySeeCall } from './call-log-access';
import { agentsNamedIn, toCallDetail, toCallSummary } from './call-summary';
import { csvHeader, csvLine } from './calls-csv';

export interface CallLogRouterOptions {
  repos: Pick<Repos, 'calls' | 'channels' | 'sessions' | 'users'>;
  clock: () => Date;
}

/**
 * The call log, mounted at `/api`: `GET /calls` (filtered, newest first, cursor-paged),
 * `GET /calls/export.csv` (the same filters, every matching call, one row each) and
 * `GET /calls/:id` (with its timeline). Agents see their own calls and the missed calls of the
 * channels they answer (so they can call those customers back); supervisors and admins see the
 * workspace's. Another workspace's call is a 404, never a 403.
 *
 * @example
 * app.use('/api', createCallLogRouter({ repos, clock }));
 * // GET /api/calls?outcome=missed&q=rahul&limit=20 → { items: [...], nextCursor: '…' | null }
 */
export function createCallLogRouter(options: CallLogRouterOptions): Router {
  const { repos } = options;
  const router = Router();
  const signedIn = requireSession({ repos, clock: options.clock });

  router.get('/calls', signedIn, async (req, res) => {
    const user = sessionUserOf(res);
    const query = parseQuery(req);
    const page = await repos.calls.listCalls(user.workspaceId, {
      ...(await filtersFor(repos, user, query)),
      limit: query.limit,
      cursor: query.cursor,
    });
    if (!page.ok) throw badCursor();
    const reply: CallsPageReply = {
      items: page.items.map(toCallSummary),
      nextCursor: page.nextCursor,
    };
    res.json(reply);
  });

  router.get('/calls/export.csv', signedIn, async (req, res) => {
    const user = sessionUserOf(res);
    const filters = await filtersFor(repos, user, parseQuery(req));
    const stamp = options.clock().toISOString().slice(0, 10);
    res.status(200);
    res.set({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="ringside-calls-${stamp}.csv"`,
      'cache-control': 'no-store',
    });
    await writeCsv(res, async (cursor) => {
      const page = await repos.calls.listCalls(user.workspaceId, {
        ...filters,
        limit: CALLS_PAGE_MAX,
        cursor,
      });
      if (!page.ok) throw badCursor();
      return { items: page.items.map(toCallSummary), nextCursor: page.nextCursor };
    });
  });

  router.get('/calls/:id', signedIn, async (req, res) => {
    const user = sessionUserOf(res);
    const id = req.params['id'];
    const detail =
      typeof id === 'string' ? await repos.calls.getCall(user.workspaceId, id) : undefined;
    // an agent asking for a colleague's call learns no more than for a call that does not exist
    if (!detail || !(await maySeeCall(repos, user, detail.call))) {
      throw new AppError('not_found', 404, 'No such call.');
    }
    const names = new Map<string, string>();
    for (const agentId of agentsNamedIn(detail.events)) {
      const agent = await repos.users.getUser(user.workspaceId, agentId);
      if (agent) names.set(agentId, agent.name);
    }
    res.json(toCallDetail(detail, names));
  });

  return router;
}

function parseQuery(req: Request): CallsListQuery {
  const query = parseBody(callsListQuerySchema, req.query);
  // `to=2026-06-01` means through that day (UTC), not up to its first millisecond
  const to = req.query['to'];
  if (query.to && typeof to === 'string' && DATE_ONLY.test(to)) {
    return { ...query, to: new Date(query.to.getTime() + DAY_MS - 1) };
  }
  return query;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** the query's filters, narrowed to what the signed-in user may see */
async function filtersFor(
  repos: Pick<Repos, 'channels'>,
  user: SessionUser,
  query: CallsListQuery,
): Promise<CallListFilters> {
  const filters: CallListFilters = {
    channel: query.channel,
    outcome: query.outcome,
    agent: query.agent,
    q: query.q,
    said: query.said,
    tag: query.tag,
    cta: query.cta,
    from: query.from,
    to: query.to,
  };
  if (user.role !== 'agent') return filters;
  if (query.agent !== undefined && query.agent !== user.userId) {
    throw new AppError('forbidden', 403, 'Agents cannot see a colleague’s calls.');
  }
  // asking for their own calls by name gets just those; otherwise the missed calls of their lines too
  if (query.agent !== undefined) return filters;
  return { ...filters, seenBy: await agentScope(repos, user) };
}

function badCursor(): AppError {
  return new AppError(
    'invalid_payload',
    400,
    'That page link is no longer valid. Start again from the first page.',
  );
}

/** streams every page as CSV, waiting when the client reads slowly, stopping if it leaves */
async function writeCsv(
  res: Response,
  pageAt: (cursor: string | undefined) => Promise<CallsPageReply>,
): Promise<void> {
  let cursor: string | undefined;
  let first = true;
  for (;;) {
    const page = await pageAt(cursor);
    // headers go out with the first page, so a failure before it still gets a JSON error
    if (first) res.write(csvHeader());
    first = false;
    for (const call of page.items) {
      if (!res.write(csvLine(call))) await Promise.race([once(res, 'drain'), once(res, 'close')]);
      if (res.destroyed) return;
    }
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  res.end();
}
