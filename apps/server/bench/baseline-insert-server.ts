import { PGlite } from '@electric-sql/pglite';
import { createServer, type RequestListener } from 'node:http';
import pg from 'pg';
import { META_SIGNATURE_HEADER, verifyMetaSignature } from '@ringside/contracts/signature';
import type { LocalService } from './baseline-webhook-server';
import { closeLocal, listenLocal, readBody } from './local-server';

/** the floor's one table: what Ringside's `webhook_receipts` keeps at the least, the raw body */
export const RAW_WEBHOOKS_TABLE = `create table if not exists raw_webhooks (
  id bigserial primary key,
  received_at timestamptz not null default now(),
  raw text not null
)`;
/** one statement per request */
export const INSERT_RAW_WEBHOOK = 'insert into raw_webhooks (raw) values ($1)';

/** Where the floor writes: one insert per webhook, in one database engine. */
export interface RawStore {
  readonly engine: 'pglite' | 'postgres';
  insert(raw: string): Promise<void>;
  /** rows stored so far (checks, not timed) */
  count(): Promise<number>;
  close(): Promise<void>;
}

export interface BaselineInsertServer extends LocalService {
  readonly store: RawStore;
}

/**
 * The floor's request handler: the signature over the raw bytes first (401 when it is wrong,
 * and nothing stored), then one insert of the body as text, then 200; 500 if the insert failed.
 * No parsing: the least a webhook receiver that keeps what it acknowledged must do.
 *
 * @example
 * createServer(insertingHandler(appSecret, (raw) => store.insert(raw)));
 */
export function insertingHandler(
  appSecret: string,
  insert: (raw: string) => Promise<void>,
): RequestListener {
  return (req, res) => {
    readBody(req)
      .then(async (raw) => {
        const header = req.headers[META_SIGNATURE_HEADER];
        const check = verifyMetaSignature(
          raw,
          typeof header === 'string' ? header : undefined,
          appSecret,
        );
        if (!check.ok) return answer(res, 401, '{"error":"signature"}');
        try {
          await insert(raw.toString('utf8'));
        } catch {
          return answer(res, 500, '{"error":"storage"}');
        }
        answer(res, 200, '{"ok":true}');
      })
      .catch(() => answer(res, 400, '{"error":"body"}'));
  };
}

function answer(res: Parameters<RequestListener>[1], status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body);
}

/**
 * The ingest floor: a bare `node:http` server that checks `X-Hub-Signature-256` as Ringside
 * does and inserts each raw body into `store`, one statement per request, before answering.
 *
 * @example
 * const floor = await startBaselineInsertServer(appSecret, await pgliteRawStore());
 * // post to `${floor.url}/webhooks/meta`
 * await floor.close(); // closes the store too
 */
export async function startBaselineInsertServer(
  appSecret: string,
  store: RawStore,
): Promise<BaselineInsertServer> {
  const server = createServer(insertingHandler(appSecret, (raw) => store.insert(raw)));
  const url = await listenLocal(server);
  return {
    url,
    store,
    async close() {
      await closeLocal(server);
      await store.close();
    },
  };
}

/**
 * The table in an embedded PGlite held in memory, as Ringside's bench server holds its own.
 *
 * @example
 * const store = await pgliteRawStore();
 */
export async function pgliteRawStore(): Promise<RawStore> {
  const client = await PGlite.create('memory://');
  await client.exec(RAW_WEBHOOKS_TABLE);
  return {
    engine: 'pglite',
    async insert(raw) {
      await client.query(INSERT_RAW_WEBHOOK, [raw]);
    },
    count: () => countRows((text) => client.query<{ n: number }>(text)),
    close: () => client.close(),
  };
}

/**
 * The table in a PostgreSQL database, through a pool of `maxConnections` (Ringside's default
 * pool is 10).
 *
 * @example
 * const store = await postgresRawStore('postgres://postgres@127.0.0.1:54321/floor');
 */
export async function postgresRawStore(url: string, maxConnections = 10): Promise<RawStore> {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  pool.on('error', () => undefined);
  try {
    await pool.query(RAW_WEBHOOKS_TABLE);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    engine: 'postgres',
    async insert(raw) {
      await pool.query(INSERT_RAW_WEBHOOK, [raw]);
    },
    count: () => countRows((text) => pool.query<{ n: number }>(text)),
    close: () => pool.end(),
  };
}

async function countRows(
  query: (text: string) => Promise<{ rows: { n: number }[] }>,
): Promise<number> {
  const { rows } = await query('select count(*)::int as n from raw_webhooks');
  return rows[0]?.n ?? 0;
}
