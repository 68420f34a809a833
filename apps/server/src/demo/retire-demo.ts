import { eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import { workspaces } from '../db/schema';
import type { Logger } from '../ops/logger';
import { createUsersRepo } from '../repos/users';
import { DEMO_USERS } from './seed-demo';

/** the environment variable that removes the demo workspace on a start with Meta credentials */
export const REMOVE_DEMO_VARIABLE = 'REMOVE_DEMO_WORKSPACE';

const DEMO_EMAILS = new Set(DEMO_USERS.map((u) => u.email));

/** what a start with Meta credentials did with demo data it found */
export type DemoRetired =
  | { kind: 'none' }
  | { kind: 'disabled'; workspaceId: string; users: number }
  | { kind: 'removed'; workspaceId: string };

/**
 * Run on a start with Meta credentials (the simulator off), before the server listens: the
 * demo users (public password, printed by every demo start) must never sign in on a real
 * deployment. Each start disables them (signed out everywhere, sign-in refused) and says so in
 * the log with how to remove them; with `remove`, their workspace goes instead, with everything
 * in it, but only if it holds nobody but the demo users (a real user added there keeps it, and
 * the log says why). Idempotent; safe on every node of a cluster.
 *
 * @example
 * await retireDemoData(database.db, logger, { remove: env.REMOVE_DEMO_WORKSPACE === 'yes' });
 */
export async function retireDemoData(
  db: Db,
  logger: Logger,
  options: { remove: boolean },
): Promise<DemoRetired> {
  return db.transaction(async (tx) => {
    const users = createUsersRepo(tx);
    const admin = await users.findUserByEmail(DEMO_USERS[0]?.email ?? '');
    const found = (await Promise.all(DEMO_USERS.map((u) => users.findUserByEmail(u.email)))).filter(
      (u) => u !== undefined,
    );
    if (found.length === 0) return { kind: 'none' };
    const workspaceId = admin?.workspaceId ?? found[0]?.workspaceId ?? '';

    if (options.remove && admin) {
      const everyone = await users.listUsers(admin.workspaceId);
      const others = everyone.filter((u) => !DEMO_EMAILS.has(u.email)).length;
      if (others === 0) {
        await tx.delete(workspaces).where(eq(workspaces.id, admin.workspaceId));
        logger.warn(
          { workspaceId: admin.workspaceId, variable: REMOVE_DEMO_VARIABLE },
          `demo workspace removed, with its users, channels and calls; unset ${REMOVE_DEMO_VARIABLE}`,
        );
        // a demo user moved to another workspace is still disabled below
        if (found.every((u) => u.workspaceId === admin.workspaceId))
          return { kind: 'removed', workspaceId: admin.workspaceId };
      } else {
        logger.warn(
          { workspaceId: admin.workspaceId, otherUsers: others },
          'demo workspace not removed: it holds users other than the demo ones; its demo users stay disabled',
        );
      }
    }

    let disabled = 0;
    for (const user of found) {
      if (!(await users.getUser(user.workspaceId, user.id))) continue; // removed above
      if (user.active) await users.deactivateUser(user.workspaceId, user.id);
      disabled += 1;
    }
    logger.warn(
      { workspaceId, users: disabled },
      'demo users disabled: Meta credentials are configured, so the demo password must not sign in. ' +
        `To remove the demo workspace and everything in it, start once with ${REMOVE_DEMO_VARIABLE}=yes`,
    );
    return { kind: 'disabled', workspaceId, users: disabled };
  });
}
