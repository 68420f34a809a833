import { reportQuerySchema, type ReportQuery } from '@ringside/contracts/reports';
import { Router, type Request } from 'express';
import { requireRole, requireSession, sessionUserOf } from '../auth/require-session';
import { parseBody } from '../http/parse-body';
import type { Repos } from '../repos';
import { buildCallReport } from './call-report';
import { reportCsv } from './report-csv';

/**
 * Supervisor reports, mounted at `/api/supervisor`, for supervisors and admins (agents get 403):
 * `GET /reports?from=&to=&tz=&channel=&bucket=hour|day` answers a `CallReport` of the
 * workspace's inbound calls; `GET /reports.csv` the same rows as CSV. `from` and `to` are days
 * in `tz`, both included; at most 7 days by the hour and 92 by the day (400 otherwise).
 *
 * @example
 * app.use('/api/supervisor', createReportRoutes({ repos, clock }));
 * // GET /api/supervisor/reports?from=2026-11-01&to=2026-11-07&tz=Europe/London&bucket=day
 */
export function createReportRoutes(deps: {
  repos: Pick<Repos, 'sessions' | 'callReports'>;
  clock: () => Date;
}): Router {
  const router = Router();
  const staff = [
    requireSession({ repos: deps.repos, clock: deps.clock }),
    requireRole('supervisor', 'admin'),
  ];

  router.get('/reports', ...staff, async (req, res) => {
    const query = parseQuery(req);
    res.set('cache-control', 'no-store');
    res.json(await buildCallReport(deps.repos.callReports, sessionUserOf(res).workspaceId, query));
  });

  router.get('/reports.csv', ...staff, async (req, res) => {
    const query = parseQuery(req);
    const report = await buildCallReport(
      deps.repos.callReports,
      sessionUserOf(res).workspaceId,
      query,
    );
    const name = `ringside-report-${query.bucket}-${query.from}-to-${query.to}${query.channel ? `-${query.channel}` : ''}.csv`;
    res.set({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    });
    res.send(reportCsv(report));
  });

  return router;
}

function parseQuery(req: Request): ReportQuery {
  return parseBody(reportQuerySchema, req.query);
}
