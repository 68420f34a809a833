import { adminCallSettingsBodySchema, type AuditValue } from '@ringside/contracts';
import express, { Router } from 'express';
import { sessionUserOf } from '../auth/require-session';
import { auditedChanges } from '../audit/audit-changes';
import type { GraphClient } from '../graph/graph-client';
import { AppError } from '../http/app-error';
import { parseBody } from '../http/parse-body';
import type { Repos } from '../repos';
import { actorOf, adminGuards, paramOf, type GuardDeps } from './admin-guards';
import { auditedSettings, readCallSettings, writeCallSettings } from './call-settings-meta';

const BODY_LIMIT = '32kb';

/**
 * `/api/admin/channels/:id/call-settings` (admins): a WhatsApp number's calling settings or a
 * Page's call icon, read from Meta and written to Meta. A write is checked as Meta checks it
 * (the contracts' schema at the server's clock), audited, then read back from Meta.
 *
 * @example
 * adminRouter.use(createCallSettingsRoutes({ repos, graph, clock, ... }));
 */
export function createCallSettingsRoutes(
  deps: GuardDeps & { repos: Repos; graph: GraphClient; clock: () => Date },
): Router {
  const router = Router();
  const guard = adminGuards(deps);
  const json = express.json({ limit: BODY_LIMIT });

  router.get('/channels/:id/call-settings', ...guard.change, async (req, res) => {
    const channel = await channelOr404(deps.repos, res, paramOf(req.params, 'id'));
    res.json(await readCallSettings(deps, channel));
  });

  router.put('/channels/:id/call-settings', ...guard.change, json, async (req, res) => {
    const me = sessionUserOf(res);
    const channel = await channelOr404(deps.repos, res, paramOf(req.params, 'id'));
    const body = parseBody(adminCallSettingsBodySchema(deps.clock()), req.body);
    if (body.channel !== channel.kind) {
      throw new AppError('invalid_payload', 400, `This channel is a ${channel.kind} channel.`, {
        issues: [{ path: 'channel', message: `expected "${channel.kind}"` }],
      });
    }
    await writeCallSettings(deps, channel, body);
    await deps.repos.auditLog.record({
      workspaceId: me.workspaceId,
      actor: actorOf(res),
      action: 'channel.call_settings',
      target: { type: 'channel', id: channel.id, label: channel.name },
      ...auditedChanges(auditedSettings(body) as Record<string, AuditValue | undefined>, []),
    });
    res.json(await readCallSettings(deps, channel));
  });

  return router;
}

async function channelOr404(repos: Repos, res: express.Response, id: string) {
  const channel = await repos.channels.getChannel(sessionUserOf(res).workspaceId, id);
  if (!channel) throw new AppError('not_found', 404, 'No channel with that id in your workspace.');
  return channel;
}
