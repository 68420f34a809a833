import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import { workspaces } from '../db/schema';
import { isUuid } from './ids';

/** A workspace row. */
export type Workspace = typeof workspaces.$inferSelect;

/**
 * Workspaces (tenants).
 *
 * @example
 * const repo = createWorkspacesRepo(db);
 * const acme = await repo.createWorkspace('Acme Support');
 * await repo.getWorkspace(acme.id); // acme
 */
export function createWorkspacesRepo(db: Db) {
  return {
    async createWorkspace(name: string): Promise<Workspace> {
      const [row] = await db.insert(workspaces).values({ name }).returning();
      if (!row) throw new Error('insert into workspaces returned no row');
      return row;
    },

    async getWorkspace(id: string): Promise<Workspace | undefined> {
      if (!isUuid(id)) return undefined;
      const [row] = await db.select().from(workspaces).where(eq(workspaces.id, id));
      return row;
    },

    /** every workspace, oldest first (operators' view; not tenant data) */
    async listWorkspaces(): Promise<Workspace[]> {
      return db.select().from(workspaces).orderBy(asc(workspaces.createdAt), asc(workspaces.id));
    },
  };
}

export type WorkspacesRepo = ReturnType<typeof createWorkspacesRepo>;
