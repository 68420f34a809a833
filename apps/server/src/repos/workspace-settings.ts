import { eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import { workspaces } from '../db/schema';
import { isUuid } from './ids';
import type { Workspace } from './workspaces';

/**
 * What a workspace's admins may change about it: its name.
 *
 * @example
 * const repo = createWorkspaceSettingsRepo(db);
 * await repo.renameWorkspace(workspaceId, 'Acme Support (EU)');
 */
export function createWorkspaceSettingsRepo(db: Db) {
  return {
    async renameWorkspace(id: string, name: string): Promise<Workspace | undefined> {
      if (!isUuid(id)) return undefined;
      const [row] = await db
        .update(workspaces)
        .set({ name })
        .where(eq(workspaces.id, id))
        .returning();
      return row;
    },
  };
}

export type WorkspaceSettingsRepo = ReturnType<typeof createWorkspaceSettingsRepo>;
