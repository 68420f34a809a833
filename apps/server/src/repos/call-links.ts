import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import { callLinks } from '../db/schema';
import { isUuid } from './ids';
import { constraintViolation } from './pg-errors';

export type CallLinkRow = typeof callLinks.$inferSelect;

export interface NewCallLink {
  channelId: string;
  label: string;
  /** null: the plain link, without `biz_payload` */
  tag: string | null;
  createdBy: string | null;
}

export type CreateCallLinkResult =
  { ok: true; link: CallLinkRow } | { ok: false; code: 'duplicate_tag' };

/**
 * The call links admins made for a channel (a WhatsApp number). One tag a number: a second link
 * with the same tag is `duplicate_tag`. Callers check the channel belongs to their workspace.
 *
 * @example
 * const made = await repos.callLinks.create({ channelId, label: 'Spring flyer', tag: 'spring', createdBy });
 * const label = await repos.callLinks.labelOf(channelId, 'spring'); // 'Spring flyer'
 */
export function createCallLinksRepo(db: Db) {
  return {
    async list(channelId: string): Promise<CallLinkRow[]> {
      if (!isUuid(channelId)) return [];
      return db
        .select()
        .from(callLinks)
        .where(eq(callLinks.channelId, channelId))
        .orderBy(asc(callLinks.createdAt), asc(callLinks.id));
    },

    async find(channelId: string, linkId: string): Promise<CallLinkRow | undefined> {
      if (!isUuid(channelId) || !isUuid(linkId)) return undefined;
      const [row] = await db
        .select()
        .from(callLinks)
        .where(and(eq(callLinks.channelId, channelId), eq(callLinks.id, linkId)));
      return row;
    },

    async create(link: NewCallLink): Promise<CreateCallLinkResult> {
      try {
        const [row] = await db.insert(callLinks).values(link).returning();
        if (!row) throw new Error('inserting a call link returned no row');
        return { ok: true, link: row };
      } catch (error) {
        if (constraintViolation(error) === 'unique') return { ok: false, code: 'duplicate_tag' };
        throw error;
      }
    },

    /** the deleted link, or undefined when there was none */
    async remove(channelId: string, linkId: string): Promise<CallLinkRow | undefined> {
      if (!isUuid(channelId) || !isUuid(linkId)) return undefined;
      const [row] = await db
        .delete(callLinks)
        .where(and(eq(callLinks.channelId, channelId), eq(callLinks.id, linkId)))
        .returning();
      return row;
    },

    /** the label of the channel's link with this tag, if an admin made one */
    async labelOf(channelId: string, tag: string): Promise<string | undefined> {
      if (!isUuid(channelId)) return undefined;
      const [row] = await db
        .select({ label: callLinks.label })
        .from(callLinks)
        .where(and(eq(callLinks.channelId, channelId), eq(callLinks.tag, tag)));
      return row?.label;
    },
  };
}

export type CallLinksRepo = ReturnType<typeof createCallLinksRepo>;
