import { signMetaPayload } from '@ringside/contracts/signature';
import { afterEach, describe, expect, it } from 'vitest';
import {
  pgliteRawStore,
  startBaselineInsertServer,
  type BaselineInsertServer,
  type RawStore,
} from './baseline-insert-server';
import { createPoster } from './http-post';

const SECRET = 'floor-test-secret';
const BODY = '{"object":"whatsapp_business_account","entry":[{"id":"1"}]}';
const started: BaselineInsertServer[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((service) => service.close()));
});

async function post(url: string, body: string, signature?: string): Promise<number> {
  const poster = createPoster(`${url}/webhooks/meta`, 1);
  try {
    return await poster.post(body, signature ? { 'x-hub-signature-256': signature } : {});
  } finally {
    poster.close();
  }
}

/** a store that keeps rows in memory, or fails every insert */
function memoryStore(fail = false): RawStore & { rows: string[] } {
  const rows: string[] = [];
  return {
    engine: 'pglite',
    rows,
    async insert(raw) {
      if (fail) throw new Error('disk full');
      rows.push(raw);
    },
    count: async () => rows.length,
    close: async () => undefined,
  };
}

async function floor(store: RawStore): Promise<BaselineInsertServer> {
  const server = await startBaselineInsertServer(SECRET, store);
  started.push(server);
  return server;
}

describe('the ingest floor', () => {
  it('stores a correctly signed body byte for byte, then answers 200', async () => {
    const store = memoryStore();
    const server = await floor(store);
    const accented = '{"object":"page","name":"Zoë"}';
    expect(await post(server.url, BODY, signMetaPayload(BODY, SECRET))).toBe(200);
    expect(await post(server.url, accented, signMetaPayload(accented, SECRET))).toBe(200);
    expect(store.rows).toEqual([BODY, accented]);
  });

  it('refuses a missing, wrong or foreign signature with 401 and stores nothing', async () => {
    const store = memoryStore();
    const server = await floor(store);
    expect(await post(server.url, BODY)).toBe(401);
    expect(await post(server.url, BODY, 'sha256=nothex')).toBe(401);
    expect(await post(server.url, BODY, signMetaPayload(BODY, 'another-secret'))).toBe(401);
    expect(await post(server.url, `${BODY} `, signMetaPayload(BODY, SECRET))).toBe(401);
    expect(store.rows).toEqual([]);
  });

  it('answers 500 when the insert fails, so nothing unstored is acknowledged', async () => {
    const server = await floor(memoryStore(true));
    expect(await post(server.url, BODY, signMetaPayload(BODY, SECRET))).toBe(500);
  });

  it('inserts one row per webhook into an embedded PGlite', async () => {
    const server = await floor(await pgliteRawStore());
    for (let i = 0; i < 3; i += 1) {
      const body = `{"n":${i}}`;
      expect(await post(server.url, body, signMetaPayload(body, SECRET))).toBe(200);
    }
    expect(await post(server.url, BODY, signMetaPayload(BODY, 'wrong'))).toBe(401);
    expect(await server.store.count()).toBe(3);
  });
});
