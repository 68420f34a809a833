import { callNotesBodySchema } from '@ringside/contracts';
import express, { Router, type Request, type Response } from 'express';
import { requireSameOrigin } from '../auth/origin-check';
import { requireSession, sessionUserOf } from '../auth/require-session';
import type { Actor } from '../calls/actor';
import type { AgentCommands } from '../calls/agent-commands';
import { CommandError } from '../calls/command-error';
import { AppError } from '../http/app-error';
import { parseBody } from '../http/parse-body';
import type { PresenceWriter } from '../presence/presence-writer';
import type { Repos } from '../repos';

const STATUS: Record<CommandError['code'], number> = {
  invalid_payload: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  already_claimed: 409,
  invalid_state: 409,
  agent_unavailable: 409,
  meta_error: 502,
  permission_requested: 409,
  rate_limited: 429,
  timeout: 504,
  internal: 500,
};

/**
 * Call actions over plain HTTP, for the moments a socket cannot be trusted: `wrap-up` (notes and
 * disposition after the call), `hangup`, and `tab-closed` (sent with `fetch(…, {keepalive: true})`
 * as a tab closes mid-call, so the call is terminated at Meta rather than left open; an anchored
 * call first waits for the tab to come back and rejoin).
 */
export function createCallActionsRouter(deps: {
  repos: Repos;
  commands: AgentCommands;
  clock: () => Date;
  publicOrigins: readonly string[];
  /** saving a call's notes ends the after-call work that followed it */
  presence: Pick<PresenceWriter, 'wrapUpSaved'>;
}): Router {
  const router = Router();
  const signedIn = [
    requireSession({ repos: deps.repos, clock: deps.clock }),
    requireSameOrigin(deps.publicOrigins),
  ];

  router.post(
    '/calls/:id/wrap-up',
    ...signedIn,
    express.json({ limit: '32kb' }),
    async (req, res) => {
      const user = sessionUserOf(res);
      const body = parseBody(callNotesBodySchema, req.body);
      const saved = await deps.repos.calls.saveWrapUp(
        user.workspaceId,
        paramId(req.params),
        user.userId,
        body.notes,
        body.disposition ?? null,
      );
      if (!saved) throw new AppError('not_found', 404, 'No call of yours with that id.');
      await deps.presence.wrapUpSaved(user.workspaceId, user.userId, paramId(req.params));
      res.status(204).end();
    },
  );

  /** an agent's command on a call, its refusals as HTTP errors in the same words */
  const callCommand =
    (run: (actor: Actor, callId: string) => Promise<void>) =>
    async (req: Request, res: Response) => {
      const user = sessionUserOf(res);
      const actor = {
        userId: user.userId,
        workspaceId: user.workspaceId,
        role: user.role,
        name: user.name,
      };
      try {
        await run(actor, paramId(req.params));
      } catch (error) {
        if (error instanceof CommandError)
          throw new AppError(error.code, STATUS[error.code], error.message);
        throw error;
      }
      res.status(204).end();
    };

  router.post('/calls/:id/hangup', ...signedIn, callCommand(deps.commands.hangup));
  // the agent's tab is closing on the call: a direct call ends now, an anchored one after a
  // grace in which the reloaded tab can rejoin
  router.post('/calls/:id/tab-closed', ...signedIn, callCommand(deps.commands.tabClosed));
  return router;
}

function paramId(params: Record<string, string | string[] | undefined>): string {
  const id = params['id'];
  return typeof id === 'string' ? id : '';
}
