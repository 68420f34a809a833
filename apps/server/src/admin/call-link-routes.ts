import {
  callLinkCreateBodySchema,
  callLinkUrl,
  type CallLink,
  type CallLinksReply,
} from '@ringside/contracts/call-links';
import express, { Router } from 'express';
import { sessionUserOf } from '../auth/require-session';
import { AppError } from '../http/app-error';
import { parseBody } from '../http/parse-body';
import type { Repos } from '../repos';
import type { CallLinkRow } from '../repos/call-links';
import type { ChannelRecord } from '../repos/channel-rows';
import { actorOf, adminGuards, paramOf, type GuardDeps } from './admin-guards';
import { callLinkQrPng, callLinkQrSvg } from './call-link-qr';

const BODY_LIMIT = '4kb';

/**
 * `/api/admin/channels/:id/call-links`: a WhatsApp number's call links (`wa.me/call/<number>`,
 * tagged with `?biz_payload=`), made and deleted by admins (audited), read by supervisors too,
 * with each link's QR code as SVG (`…/:linkId/qr.svg`) and PNG (`…/:linkId/qr.png`).
 *
 * @example
 * adminRouter.use(createCallLinkRoutes({ repos, clock, publicOrigins }));
 * // POST /api/admin/channels/c1/call-links { label: 'Spring flyer', tag: 'spring' } → 201 CallLink
 */
export function createCallLinkRoutes(deps: GuardDeps & { repos: Repos }): Router {
  const router = Router();
  const guard = adminGuards(deps);
  const json = express.json({ limit: BODY_LIMIT });
  const base = '/channels/:id/call-links';

  router.get(base, ...guard.read, async (req, res) => {
    const channel = await numberOr404(deps.repos, res, paramOf(req.params, 'id'));
    const rows = await deps.repos.callLinks.list(channel.id);
    const reply: CallLinksReply = { items: rows.map((row) => toCallLink(channel, row)) };
    res.json(reply);
  });

  router.post(base, ...guard.change, json, async (req, res) => {
    const channel = await numberOr404(deps.repos, res, paramOf(req.params, 'id'));
    const body = parseBody(callLinkCreateBodySchema, req.body);
    const me = sessionUserOf(res);
    const made = await deps.repos.callLinks.create({
      channelId: channel.id,
      label: body.label,
      tag: body.tag ?? null,
      createdBy: me.userId,
    });
    if (!made.ok) {
      const message = body.tag
        ? `This number already has a link tagged “${body.tag}”.`
        : 'This number already has a link without a tag.';
      throw new AppError('invalid_payload', 409, message, { issues: [{ path: 'tag', message }] });
    }
    const link = toCallLink(channel, made.link);
    await deps.repos.auditLog.record({
      workspaceId: me.workspaceId,
      actor: actorOf(res),
      action: 'channel.call_link_create',
      target: { type: 'channel', id: channel.id, label: channel.name },
      changes: { label: link.label, tag: link.tag, url: link.url },
    });
    res.status(201).json(link);
  });

  router.delete(`${base}/:linkId`, ...guard.change, async (req, res) => {
    const channel = await numberOr404(deps.repos, res, paramOf(req.params, 'id'));
    const gone = await deps.repos.callLinks.remove(channel.id, paramOf(req.params, 'linkId'));
    if (!gone) throw new AppError('not_found', 404, 'No such call link on this number.');
    await deps.repos.auditLog.record({
      workspaceId: sessionUserOf(res).workspaceId,
      actor: actorOf(res),
      action: 'channel.call_link_delete',
      target: { type: 'channel', id: channel.id, label: channel.name },
      changes: { label: gone.label, tag: gone.tag },
    });
    res.status(204).end();
  });

  router.get(`${base}/:linkId/qr.:format`, ...guard.read, async (req, res) => {
    const channel = await numberOr404(deps.repos, res, paramOf(req.params, 'id'));
    const row = await deps.repos.callLinks.find(channel.id, paramOf(req.params, 'linkId'));
    if (!row) throw new AppError('not_found', 404, 'No such call link on this number.');
    const { url } = toCallLink(channel, row);
    const name = `call-link-${row.tag ?? 'plain'}`;
    const format = paramOf(req.params, 'format');
    res.set('cache-control', 'no-store');
    if (format === 'svg') {
      res.set('content-disposition', `inline; filename="${name}.svg"`);
      res.type('image/svg+xml').send(callLinkQrSvg(url));
    } else if (format === 'png') {
      res.set('content-disposition', `inline; filename="${name}.png"`);
      res.type('image/png').send(callLinkQrPng(url));
    } else {
      throw new AppError('not_found', 404, 'QR codes come as qr.svg or qr.png.');
    }
  });

  return router;
}

function toCallLink(channel: ChannelRecord, row: CallLinkRow): CallLink {
  return {
    id: row.id,
    channelId: row.channelId,
    label: row.label,
    tag: row.tag,
    url: callLinkUrl(channel.displayNumber ?? '', row.tag),
    createdAt: row.createdAt.toISOString(),
  };
}

// calling deep links are WhatsApp's: a Page has none
async function numberOr404(repos: Repos, res: express.Response, id: string) {
  const channel = await repos.channels.getChannel(sessionUserOf(res).workspaceId, id);
  if (!channel) throw new AppError('not_found', 404, 'No channel with that id in your workspace.');
  if (channel.kind !== 'whatsapp' || !channel.displayNumber) {
    throw new AppError('invalid_payload', 400, 'Call links are for WhatsApp numbers only.');
  }
  return channel;
}
