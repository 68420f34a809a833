import {
  userCreateBodySchema,
  userUpdateBodySchema,
  type UserUpdateBody,
} from '@ringside/contracts';
import express, { Router } from 'express';
import { hashPassword } from '../auth/passwords';
import { disconnectUser, disconnectUserExceptSession } from '../auth/socket-auth';
import { sessionUserOf } from '../auth/require-session';
import { auditedChanges } from '../audit/audit-changes';
import { AppError } from '../http/app-error';
import { parseBody } from '../http/parse-body';
import type { Repos } from '../repos';
import type { UnitOfWork } from '../repos/unit-of-work';
import type { User } from '../repos/users';
import { toUserView } from '../repos/views';
import type { RingsideServer } from '../sockets/socket-types';
import { actorOf, adminGuards, paramOf, type GuardDeps } from './admin-guards';

const BODY_LIMIT = '16kb';

/**
 * `/api/admin/users`: list and read (supervisors and admins); add with a password, rename,
 * change role, reset password, deactivate and reactivate (admins). Deactivating signs the user
 * out everywhere and drops their sockets at once; so does a role change (sockets carry the role
 * they connected with) and a password reset by someone else. An admin who sets their own password
 * stays signed in here and is signed out everywhere else.
 */
export function createUserRoutes(
  deps: GuardDeps & { repos: Repos; unitOfWork: UnitOfWork; io: RingsideServer },
): Router {
  const router = Router();
  const guard = adminGuards(deps);

  router.get('/users', ...guard.read, async (_req, res) => {
    const { workspaceId } = sessionUserOf(res);
    const users = await deps.repos.users.listUsers(workspaceId);
    res.json({ items: users.map(toUserView) });
  });

  router.get('/users/:id', ...guard.read, async (req, res) => {
    res.json(
      toUserView(
        await userOr404(deps.repos, sessionUserOf(res).workspaceId, paramOf(req.params, 'id')),
      ),
    );
  });

  router.post('/users', ...guard.change, express.json({ limit: BODY_LIMIT }), async (req, res) => {
    const me = sessionUserOf(res);
    const body = parseBody(userCreateBodySchema, req.body);
    if (body.workspaceId !== undefined && body.workspaceId !== me.workspaceId) {
      throw new AppError('forbidden', 403, 'You can add users to your own workspace only.');
    }
    const passwordHash = await hashPassword(body.password);
    const user = await deps.unitOfWork(async (repos) => {
      const created = await repos.users.createUser({
        workspaceId: me.workspaceId,
        email: body.email,
        name: body.name ?? body.email.split('@')[0] ?? body.email,
        passwordHash,
        role: body.role,
      });
      if (!created.ok) {
        throw created.error.code === 'email_taken'
          ? new AppError('invalid_state', 409, 'A user with this email already exists.')
          : new AppError('not_found', 404, 'Your workspace no longer exists.');
      }
      await repos.auditLog.record({
        workspaceId: me.workspaceId,
        actor: actorOf(res),
        action: 'user.create',
        target: { type: 'user', id: created.user.id, label: created.user.email },
        ...auditedChanges(
          {
            email: created.user.email,
            name: created.user.name,
            role: created.user.role,
            password: body.password,
          },
          ['password'],
        ),
      });
      return created.user;
    });
    res.status(201).json(toUserView(user));
  });

  router.patch(
    '/users/:id',
    ...guard.change,
    express.json({ limit: BODY_LIMIT }),
    async (req, res) => {
      const me = sessionUserOf(res);
      const body = parseBody(userUpdateBodySchema, req.body);
      const target = await userOr404(deps.repos, me.workspaceId, paramOf(req.params, 'id'));
      await refuseLosingLastAdmin(deps.repos, target, body);
      const passwordHash =
        body.password === undefined ? undefined : await hashPassword(body.password);
      const updated = await deps.unitOfWork(async (repos) => {
        const ws = me.workspaceId;
        let user: User | undefined = target;
        if (body.name !== undefined) user = await repos.users.setName(ws, target.id, body.name);
        if (body.role !== undefined) user = await repos.users.setRole(ws, target.id, body.role);
        if (passwordHash !== undefined)
          user = await repos.users.setPasswordHash(ws, target.id, passwordHash);
        if (body.disabled === true) user = await repos.users.deactivateUser(ws, target.id);
        if (body.disabled === false) user = await repos.users.reactivateUser(ws, target.id);
        if (!user) throw new AppError('not_found', 404, 'No user with that id in your workspace.');
        await repos.auditLog.record({
          workspaceId: ws,
          actor: actorOf(res),
          action: userAction(body),
          target: { type: 'user', id: user.id, label: user.email },
          ...auditedChanges({ ...body }, ['password']),
        });
        return user;
      });
      const others = target.id !== me.userId;
      if (passwordHash !== undefined && others)
        await deps.repos.sessions.deleteUserSessions(target.id);
      const mySession = res.locals.sessionId;
      if (passwordHash !== undefined && !others && mySession !== undefined) {
        // a new password of one's own: every other sign-in of theirs ends, this one stays
        await deps.repos.sessions.deleteUserSessions(target.id, { sessionId: mySession });
        disconnectUserExceptSession(deps.io, target.id, mySession);
      }
      // sockets keep the role and the sign-in they connected with: make them reconnect (or not)
      if (
        body.disabled === true ||
        (body.role !== undefined && body.role !== target.role) ||
        (passwordHash !== undefined && others)
      ) {
        disconnectUser(deps.io, target.id);
      }
      res.json(toUserView(updated));
    },
  );

  return router;
}

async function userOr404(repos: Repos, workspaceId: string, id: string): Promise<User> {
  const user = await repos.users.getUser(workspaceId, id);
  if (!user) throw new AppError('not_found', 404, 'No user with that id in your workspace.');
  return user;
}

// the one admin demoting or deactivating themselves would leave nobody to undo it
async function refuseLosingLastAdmin(
  repos: Repos,
  target: User,
  body: UserUpdateBody,
): Promise<void> {
  const losesAdmin = (body.role !== undefined && body.role !== 'admin') || body.disabled === true;
  if (target.role !== 'admin' || !target.active || !losesAdmin) return;
  const admins = (await repos.users.listUsers(target.workspaceId)).filter(
    (u) => u.role === 'admin' && u.active,
  );
  if (admins.length <= 1) {
    throw new AppError('invalid_state', 409, 'A workspace needs at least one active admin.');
  }
}

function userAction(body: UserUpdateBody): string {
  if (body.disabled === true) return 'user.deactivate';
  if (body.disabled === false) return 'user.reactivate';
  const fields = Object.keys(body).filter((k) => body[k as keyof UserUpdateBody] !== undefined);
  if (fields.length === 1 && fields[0] === 'password') return 'user.reset-password';
  return 'user.update';
}
