import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { metaAppSettings } from '../db/schema';
import type { SecretBox } from '../db/secret-box';

const ROW_ID = 'meta';

/** The stored Meta app settings, the secret opened. */
export interface StoredMetaAppSettings {
  /** null when no admin has set one (the environment's applies) */
  readonly appSecret: string | null;
  readonly updatedAt: Date;
}

/**
 * The installation's Meta app settings (one row): the app secret an admin set, sealed at rest.
 *
 * @example
 * const repo = createMetaAppSettingsRepo(db, secretBox);
 * await repo.setAppSecret('0f1e2d3c4b5a69788796a5b4c3d2e1f0', adminId);
 * (await repo.getSettings())?.appSecret; // '0f1e…'
 */
export function createMetaAppSettingsRepo(db: Db, box: SecretBox) {
  return {
    /** undefined before any admin saved settings. Throws `SecretBoxError` on a changed key. */
    async getSettings(): Promise<StoredMetaAppSettings | undefined> {
      const [row] = await db.select().from(metaAppSettings).where(eq(metaAppSettings.id, ROW_ID));
      if (!row) return undefined;
      return {
        appSecret: row.appSecretCiphertext === null ? null : box.open(row.appSecretCiphertext),
        updatedAt: row.updatedAt,
      };
    },

    /** sets (or with null clears) the app secret */
    async setAppSecret(appSecret: string | null, updatedBy: string): Promise<void> {
      const sealed = appSecret === null ? null : box.seal(appSecret);
      await db
        .insert(metaAppSettings)
        .values({ id: ROW_ID, appSecretCiphertext: sealed, updatedBy })
        .onConflictDoUpdate({
          target: metaAppSettings.id,
          set: { appSecretCiphertext: sealed, updatedBy, updatedAt: sql`now()` },
        });
    },
  };
}

export type MetaAppSettingsRepo = ReturnType<typeof createMetaAppSettingsRepo>;
