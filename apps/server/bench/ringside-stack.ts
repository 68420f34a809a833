import pino from 'pino';
import { SESSION_COOKIE } from '../src/auth/session-cookie';
import type { RingsideApp } from '../src/create-app';
import { IN_MEMORY, openDatabase } from '../src/db/open-database';
import { createLogger } from '../src/ops/logger';
import {
  startTestServer,
  type TestServer,
  type TestServerOptions,
} from '../src/testing/server-builder';
import { startGraphStub, type GraphStub } from './graph-stub';

/** the console's origin: sockets and REST are checked against it */
export const BENCH_ORIGIN = 'http://localhost:3000';
const SESSION_TTL_MS = 60 * 60 * 1000;

export interface RingsideStackOptions {
  appSecret: string;
  /** where the server's pino log goes (info level, as in production) */
  logFile: string;
  /** `postgres://…`: that (empty or migrated) PostgreSQL database; unset: PGlite in memory */
  databaseUrl?: string;
  /** other app options, e.g. a cluster node's socket adapter */
  app?: TestServerOptions['app'];
  /**
   * an existing workspace's bench number: a second node of a cluster serves the workspace the
   * first one created instead of creating another
   */
  shared?: { workspaceId: string; phoneNumberId: string };
}

/** One Ringside server process-part, on a free port, with one workspace and WhatsApp number. */
export interface RingsideStack {
  readonly app: RingsideApp;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly webhookUrl: string;
  readonly workspaceId: string;
  readonly phoneNumberId: string;
  readonly graph: GraphStub;
  /**
   * `count` agents of the workspace, each with a session made directly in the database (a
   * sign-in per agent would spend most of the setup in scrypt); resolves with their cookies
   */
  addAgents(count: number, passwordHash: string): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * The server as `pnpm start` composes it, on PGlite (the embedded default, here in memory) with
 * Graph pointed at a local stub, plus the workspace and channel the benches call.
 *
 * @example
 * const stack = await startRingside({ appSecret, logFile: '/tmp/ringside-bench.log' });
 * await poster.post(body, { 'x-hub-signature-256': signMetaPayload(body, appSecret) });
 * await stack.close();
 */
export async function startRingside(options: RingsideStackOptions): Promise<RingsideStack> {
  const graph = await startGraphStub();
  const database = await openDatabase({ dataDir: IN_MEMORY, databaseUrl: options.databaseUrl });
  const destination = pino.destination({ dest: options.logFile, sync: false, append: true });
  let server: TestServer | undefined;
  const closeAll = async () => {
    if (server) {
      const closed = server.app.close();
      // the HTTP server waits for keep-alive clients before it reports closed
      server.app.httpServer.closeIdleConnections();
      await closed;
    }
    await database.close();
    await graph.close();
    // flushed, not ended: a ring timer already under way may still log while the server stops
    await new Promise<void>((resolve) => destination.flush(() => resolve()));
  };
  try {
    server = await startTestServer({
      database,
      origin: BENCH_ORIGIN,
      appSecret: options.appSecret,
      verifyToken: 'bench-verify-token',
      graphApi: { baseUrl: graph.url, version: 'v24.0' },
      // info, as in production, into the bench's log file; and the real scrypt cost
      logger: createLogger('info', destination),
      passwordCost: 'real',
      ...(options.app ? { app: options.app } : {}),
    });
    const { app, url } = server;
    const { workspaceId, phoneNumberId } = options.shared ?? (await createBenchWorkspace(app));
    let agents = 0;
    // two nodes of a cluster add agents to one workspace: their emails must not collide
    const prefix = new URL(url).port;
    return {
      app,
      url,
      webhookUrl: `${url}/webhooks/meta`,
      workspaceId,
      phoneNumberId,
      graph,
      async addAgents(count, passwordHash) {
        const cookies: string[] = [];
        for (let i = 0; i < count; i += 1) {
          agents += 1;
          const created = await app.repos.users.createUser({
            workspaceId,
            email: `agent${agents}.${prefix}@bench.example.com`,
            name: `Agent ${agents}`,
            passwordHash,
            role: 'agent',
          });
          if (!created.ok) throw new Error(created.error.message);
          const token = await app.repos.sessions.createSession(
            created.user.id,
            SESSION_TTL_MS,
            new Date(),
          );
          cookies.push(`${SESSION_COOKIE}=${token}`);
        }
        return cookies;
      },
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

async function createBenchWorkspace(
  app: RingsideApp,
): Promise<{ workspaceId: string; phoneNumberId: string }> {
  const workspace = await app.repos.workspaces.createWorkspace('Bench');
  const phoneNumberId = '100000000000001';
  const channel = await app.repos.channels.createWhatsAppChannel({
    workspaceId: workspace.id,
    phoneNumberId,
    wabaId: '200000000000001',
    displayNumber: '+15550100001',
    accessToken: 'bench-access-token',
  });
  if (!channel.ok) throw new Error('could not create the bench channel');
  return { workspaceId: workspace.id, phoneNumberId };
}
