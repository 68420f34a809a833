import { channelSchema } from '@ringside/contracts';
import { callLinkTagSchema, callLinkUrl } from '@ringside/contracts/call-links';
import type { MetaSim } from '@ringside/meta-sim';
import express, { Router } from 'express';
import { z } from 'zod';
import { requireSameOrigin } from '../auth/origin-check';
import { requireSession, sessionUserOf } from '../auth/require-session';
import { AppError } from '../http/app-error';
import { parseBody } from '../http/parse-body';
import type { Repos } from '../repos';

const placeCallBodySchema = z.object({
  channel: channelSchema,
  name: z.string().trim().min(1).max(60),
  /** whatsapp: the customer calls from the number's call link with this tag */
  tag: callLinkTagSchema.optional(),
  /** whatsapp: the customer taps a call button with this payload */
  ctaPayload: z.string().trim().min(1).max(512).optional(),
});

/**
 * `/api/sim`: the console's simulator drawer. Places a simulated customer call to one of the
 * signed-in user's own channels; 404 when the server runs against Meta.
 */
export function createSimRouter(deps: {
  sim: MetaSim | undefined;
  repos: Repos;
  clock: () => Date;
  publicOrigins: readonly string[];
}): Router {
  const router = Router();
  router.use(requireSession({ repos: deps.repos, clock: deps.clock }));

  router.get('/', (_req, res) => {
    res.json({ enabled: deps.sim !== undefined });
  });

  router.post(
    '/calls',
    requireSameOrigin(deps.publicOrigins),
    express.json({ limit: '4kb' }),
    async (req, res) => {
      const sim = deps.sim;
      if (!sim) throw new AppError('not_found', 404, 'The simulator is off on this server.');
      const user = sessionUserOf(res);
      const body = parseBody(placeCallBodySchema, req.body);
      const channels = await deps.repos.channels.listChannels(user.workspaceId);
      const channel = channels.find((c) => c.kind === body.channel && c.enabled);
      if (!channel)
        throw new AppError('not_found', 404, `This workspace has no ${body.channel} channel.`);
      let callId: string;
      try {
        callId = (
          await sim.placeCall({
            channel: body.channel,
            name: body.name,
            to: channel.externalId,
            ...(body.tag && channel.displayNumber
              ? { link: callLinkUrl(channel.displayNumber, body.tag) }
              : {}),
            ...(body.ctaPayload ? { ctaPayload: body.ctaPayload } : {}),
          })
        ).id;
      } catch {
        throw new AppError(
          'not_found',
          404,
          `The simulator does not serve this workspace's ${body.channel} channel.`,
        );
      }
      res.status(201).json({ callId });
    },
  );
  return router;
}
