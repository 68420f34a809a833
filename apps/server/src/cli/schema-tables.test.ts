import { getTableConfig } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../db/schema';
import { schemaTables } from './schema-tables';

describe('schemaTables', () => {
  const tables = schemaTables();
  const position = new Map(tables.map((table, index) => [table.name, index]));

  it('lists every table of the schema once', () => {
    const exported = Object.values(schema).map((table) => getTableConfig(table).name);
    expect(tables.map((table) => table.name).sort()).toEqual([...new Set(exported)].sort());
  });

  it('puts each table after every table its foreign keys point at', () => {
    for (const table of Object.values(schema)) {
      const config = getTableConfig(table);
      for (const key of config.foreignKeys) {
        const parent = getTableConfig(key.reference().foreignTable).name;
        if (parent === config.name) continue;
        expect(position.get(parent), `${parent} before ${config.name}`).toBeLessThan(
          position.get(config.name) ?? -1,
        );
      }
    }
  });

  it('knows the keys, the sequences and the sealed columns', () => {
    const byName = new Map(tables.map((table) => [table.name, table]));
    expect(byName.get('channel_agents')?.primaryKey).toEqual(['channel_id', 'user_id']);
    expect(byName.get('call_events')?.sequenced).toEqual(['id']);
    expect(byName.get('calls')?.sequenced).toEqual([]);
    expect(byName.get('channels')?.sealed).toEqual(['token_ciphertext']);
    expect(byName.get('webhook_subscriptions')?.sealed).toEqual(['secret_ciphertext']);
    expect(byName.get('meta_app_settings')?.sealed).toEqual(['app_secret_ciphertext']);
  });

  it('refuses foreign keys that form a cycle', async () => {
    const { pgTable, uuid } = await import('drizzle-orm/pg-core');
    const a = pgTable('a', {
      id: uuid('id').primaryKey(),
      b: uuid('b').references((): never => b.id as never),
    });
    const b = pgTable('b', { id: uuid('id').primaryKey(), a: uuid('a').references(() => a.id) });
    expect(() => schemaTables([a, b])).toThrow('foreign keys form a cycle');
  });
});
