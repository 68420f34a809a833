import {
  adminChannelCreateBodySchema,
  adminChannelUpdateBodySchema,
  type AdminChannelCreateBody,
} from '@ringside/contracts';
import express, { Router } from 'express';
import { sessionUserOf } from '../auth/require-session';
import { auditedChanges } from '../audit/audit-changes';
import type { CallService } from '../calls/call-service';
import type { GraphClient } from '../graph/graph-client';
import { AppError } from '../http/app-error';
import { parseBody } from '../http/parse-body';
import type { Logger } from '../ops/logger';
import type { Repos } from '../repos';
import type { ChannelListing } from '../repos/channel-rows';
import type { UnitOfWork } from '../repos/unit-of-work';
import { actorOf, adminGuards, paramOf, type GuardDeps } from './admin-guards';
import { toAdminChannelView } from './admin-views';
import { probeChannel, requireTokenFor } from './channel-probe';

const BODY_LIMIT = '32kb';
const SECRET_FIELDS = ['accessToken'];

/**
 * `/api/admin/channels`: list and read (supervisors and admins); add, edit and disable
 * WhatsApp numbers and Pages, set who answers them and how they ring, and test the connection
 * to Meta (admins). Tokens are write-only: replies carry `tokenSet`.
 */
export function createChannelRoutes(
  deps: GuardDeps & {
    repos: Repos;
    unitOfWork: UnitOfWork;
    graph: GraphClient;
    logger?: Logger;
    /** rings a changed channel's waiting calls for whoever may take them now */
    calls?: Pick<CallService, 'ringChannelCalls' | 'anchor'>;
  },
): Router {
  const router = Router();
  const guard = adminGuards(deps);
  const json = express.json({ limit: BODY_LIMIT });

  router.get('/channels', ...guard.read, async (_req, res) => {
    const channels = await deps.repos.channels.listChannels(sessionUserOf(res).workspaceId);
    res.json({ items: channels.map(toAdminChannelView) });
  });

  router.get('/channels/:id', ...guard.read, async (req, res) => {
    const ws = sessionUserOf(res).workspaceId;
    res.json(toAdminChannelView(await channelOr404(deps.repos, ws, paramOf(req.params, 'id'))));
  });

  router.post('/channels', ...guard.change, json, async (req, res) => {
    const me = sessionUserOf(res);
    const body = parseBody(adminChannelCreateBodySchema, req.body);
    if (body.workspaceId !== undefined && body.workspaceId !== me.workspaceId) {
      throw new AppError('forbidden', 403, 'You can add channels to your own workspace only.');
    }
    if (body.whenNobodyAvailable === 'queue') {
      throw new AppError(
        'invalid_payload',
        400,
        'A new line sends its calls straight to the agent: set Call audio to the media server before queueing its callers.',
      );
    }
    // only a token Meta accepts for this number or Page connects it; checked before the 409, so
    // that answer tells nothing to someone who does not hold the number already
    await requireTokenFor(
      deps.graph,
      body.channel === 'whatsapp'
        ? { kind: 'whatsapp', nodeId: body.phoneNumberId, accessToken: body.accessToken }
        : { kind: 'messenger', nodeId: body.pageId, accessToken: body.accessToken },
      deps.logger,
    );
    const channel = await deps.unitOfWork(async (repos) => {
      const created = await createChannel(repos, me.workspaceId, body);
      if (!created.ok) {
        throw created.error.code === 'channel_exists'
          ? new AppError('invalid_state', 409, 'That number or Page is already connected.')
          : new AppError('not_found', 404, 'Your workspace no longer exists.');
      }
      const id = created.channel.id;
      await assign(repos, id, [], body.assignedUserIds ?? []);
      await repos.auditLog.record({
        workspaceId: me.workspaceId,
        actor: actorOf(res),
        action: 'channel.create',
        target: { type: 'channel', id, label: created.channel.name },
        ...auditedChanges({ ...body, workspaceId: undefined }, SECRET_FIELDS),
      });
      return reread(repos, me.workspaceId, id);
    });
    res.status(201).json(toAdminChannelView(channel));
  });

  router.patch('/channels/:id', ...guard.change, json, async (req, res) => {
    const me = sessionUserOf(res);
    const body = parseBody(adminChannelUpdateBodySchema, req.body);
    const current = await channelOr404(deps.repos, me.workspaceId, paramOf(req.params, 'id'));
    if (body.displayNumber !== undefined && current.kind !== 'whatsapp') {
      throw new AppError('invalid_payload', 400, 'Only a WhatsApp number has a display number.');
    }
    if (
      body.mediaCapture !== undefined &&
      body.mediaCapture !== 'off' &&
      current.kind !== 'whatsapp'
    ) {
      throw new AppError(
        'invalid_payload',
        400,
        'Only WhatsApp lines can be recorded or transcribed by Meta.',
      );
    }
    if (body.mediaMode === 'anchored' && current.mediaMode !== 'anchored') {
      if (current.kind !== 'whatsapp') {
        throw new AppError(
          'invalid_payload',
          400,
          'Only WhatsApp lines can carry their calls through the media server for now.',
        );
      }
      if (!deps.calls?.anchor) {
        throw new AppError(
          'invalid_state',
          409,
          'This server has no media engine: set ANCHOR_ENGINES (see docs/anchor.md) before sending calls through it.',
        );
      }
    }
    if (
      body.whenNobodyAvailable === 'queue' &&
      (body.mediaMode ?? current.mediaMode) !== 'anchored'
    ) {
      throw new AppError(
        'invalid_payload',
        400,
        'Only a line whose calls go through the media server can queue its callers: set Call audio to the media server first.',
      );
    }
    const channel = await deps.unitOfWork(async (repos) => {
      const { label, assignedUserIds, ...fields } = body;
      const updated = await repos.channels.updateChannel(me.workspaceId, current.id, {
        ...fields,
        ...(label === undefined ? {} : { name: label }),
      });
      if (!updated)
        throw new AppError('not_found', 404, 'No channel with that id in your workspace.');
      if (assignedUserIds !== undefined) {
        await assign(repos, current.id, current.assignedUserIds, assignedUserIds);
      }
      await repos.auditLog.record({
        workspaceId: me.workspaceId,
        actor: actorOf(res),
        action: body.enabled === false ? 'channel.disable' : 'channel.update',
        target: { type: 'channel', id: current.id, label: updated.name },
        ...auditedChanges({ ...body }, SECRET_FIELDS),
      });
      return reread(repos, me.workspaceId, current.id);
    });
    res.json(toAdminChannelView(channel));
    // after the reply: a caller waiting on this line may have someone to ring now
    await deps.calls?.ringChannelCalls(me.workspaceId, current.id).catch((error: unknown) => {
      deps.logger?.error({ err: error, channelId: current.id }, 'ringing a changed channel failed');
    });
  });

  router.post('/channels/:id/test', ...guard.change, async (req, res) => {
    const ws = sessionUserOf(res).workspaceId;
    const channel = await channelOr404(deps.repos, ws, paramOf(req.params, 'id'));
    res.json(await probeChannel(deps, channel));
  });

  return router;
}

function createChannel(repos: Repos, workspaceId: string, body: AdminChannelCreateBody) {
  const ring = {
    ...(body.ringStrategy === undefined ? {} : { ringStrategy: body.ringStrategy }),
    ...(body.ringTimeoutSec === undefined ? {} : { ringTimeoutSec: body.ringTimeoutSec }),
    ...(body.agentTimeoutSec === undefined ? {} : { agentTimeoutSec: body.agentTimeoutSec }),
    ...(body.whenNobodyAvailable === undefined
      ? {}
      : { whenNobodyAvailable: body.whenNobodyAvailable }),
    ...(body.wrapUp === undefined ? {} : { wrapUp: body.wrapUp }),
    ...(body.wrapUpSec === undefined ? {} : { wrapUpSec: body.wrapUpSec }),
    ...(body.queueLimitSec === undefined ? {} : { queueLimitSec: body.queueLimitSec }),
  };
  if (body.channel === 'whatsapp') {
    return repos.channels.createWhatsAppChannel({
      workspaceId,
      phoneNumberId: body.phoneNumberId,
      wabaId: body.wabaId,
      displayNumber: body.displayNumber,
      ...(body.label === undefined ? {} : { name: body.label }),
      accessToken: body.accessToken,
      ...ring,
    });
  }
  return repos.channels.createMessengerChannel({
    workspaceId,
    pageId: body.pageId,
    name: body.name,
    accessToken: body.accessToken,
    ...ring,
  });
}

/** makes `wanted` the channel's answerers; a user not in the workspace fails the whole change */
async function assign(
  repos: Repos,
  channelId: string,
  current: readonly string[],
  wanted: readonly string[],
): Promise<void> {
  for (const userId of current.filter((id) => !wanted.includes(id))) {
    await repos.channels.unassignAgent(channelId, userId);
  }
  for (const userId of new Set(wanted)) {
    if (current.includes(userId)) continue;
    const result = await repos.channels.assignAgent(channelId, userId);
    if (!result.ok) {
      throw new AppError(
        'invalid_payload',
        400,
        'Everyone who answers a channel must be a user of your workspace.',
        {
          issues: [{ path: 'assignedUserIds', message: `no user ${userId} in your workspace` }],
        },
      );
    }
  }
}

async function reread(repos: Repos, workspaceId: string, id: string): Promise<ChannelListing> {
  const channel = await repos.channels.getChannel(workspaceId, id);
  if (!channel) throw new Error('a channel vanished inside its own transaction');
  return channel;
}

async function channelOr404(
  repos: Repos,
  workspaceId: string,
  id: string,
): Promise<ChannelListing> {
  const channel = await repos.channels.getChannel(workspaceId, id);
  if (!channel) throw new AppError('not_found', 404, 'No channel with that id in your workspace.');
  return channel;
}
