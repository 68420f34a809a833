import {
  permissionTemplateBodySchema,
  type PermissionTemplateBody,
} from '@ringside/contracts/permission-template';
import express, { Router } from 'express';
import { sessionUserOf } from '../auth/require-session';
import { AppError } from '../http/app-error';
import { parseBody } from '../http/parse-body';
import type { Repos } from '../repos';
import { actorOf, adminGuards, paramOf, type GuardDeps } from './admin-guards';

/**
 * `/api/admin/channels/:id/permission-template`: the approved template a WhatsApp number asks
 * customers for call permission with when their 24-hour window is closed (name and language,
 * checked as WhatsApp Manager names them), or `null` for none. Admins set it (audited);
 * supervisors read it.
 *
 * @example
 * adminRouter.use(createPermissionTemplateRoutes({ repos, clock, publicOrigins }));
 * // PUT … { template: { name: 'call_permission', language: 'en' } } → the same, as stored
 */
export function createPermissionTemplateRoutes(deps: GuardDeps & { repos: Repos }): Router {
  const router = Router();
  const guard = adminGuards(deps);
  const path = '/channels/:id/permission-template';

  router.get(path, ...guard.read, async (req, res) => {
    const channel = await numberOr404(deps.repos, res, paramOf(req.params, 'id'));
    const reply: PermissionTemplateBody = {
      template: await deps.repos.permissionTemplates.get(channel.workspaceId, channel.id),
    };
    res.json(reply);
  });

  router.put(path, ...guard.change, express.json({ limit: '4kb' }), async (req, res) => {
    const channel = await numberOr404(deps.repos, res, paramOf(req.params, 'id'));
    const body = parseBody(permissionTemplateBodySchema, req.body);
    await deps.repos.permissionTemplates.set(channel.workspaceId, channel.id, body.template);
    await deps.repos.auditLog.record({
      workspaceId: channel.workspaceId,
      actor: actorOf(res),
      action: 'channel.permission_template',
      target: { type: 'channel', id: channel.id, label: channel.name },
      changes: {
        permissionTemplate: body.template
          ? `${body.template.name} (${body.template.language})`
          : null,
      },
    });
    res.json(body);
  });

  return router;
}

async function numberOr404(repos: Repos, res: express.Response, id: string) {
  const channel = await repos.channels.getChannel(sessionUserOf(res).workspaceId, id);
  if (!channel) throw new AppError('not_found', 404, 'No channel with that id in your workspace.');
  if (channel.kind !== 'whatsapp') {
    throw new AppError(
      'invalid_payload',
      400,
      'Permission templates are for WhatsApp numbers; Messenger asks with its own opt-in.',
    );
  }
  return channel;
}
