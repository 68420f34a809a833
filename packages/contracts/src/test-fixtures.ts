// test-only helper: reads the shared Meta webhook fixtures; never imported by the index
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = fileURLToPath(new URL('../../../../shared/fixtures', import.meta.url));

/** Every fixture JSON file under the shared folder, as paths relative to it (`whatsapp/x.json`). */
export function listFixtures(dir: string = FIXTURES_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listFixtures(path);
    return entry.name.endsWith('.json') ? [relative(FIXTURES_DIR, path)] : [];
  });
}

/**
 * The fixtures that are webhook deliveries (an `object` envelope); the others are Graph API
 * replies (accept's reply with its renegotiation, a permission look-up), tested by their schemas.
 */
export function listWebhookFixtures(dir: string = FIXTURES_DIR): string[] {
  return listFixtures(dir).filter((name) => {
    const json = loadFixture(name);
    return typeof json === 'object' && json !== null && 'object' in json;
  });
}

/** One fixture, JSON-parsed (a fresh copy each call, so tests may mutate it). */
export function loadFixture(name: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, name), 'utf8'));
}

/** A fixture as loose JSON; tests reach deep into it to build bad variants. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON from disk, mutated by tests
export type Json = Record<string, any>;

/** One fixture as loose JSON for mutation in tests. */
export function loadJson(name: string): Json {
  return loadFixture(name) as Json;
}
