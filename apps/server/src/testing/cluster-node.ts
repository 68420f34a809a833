// test-only: server nodes of a cluster (one PostgreSQL, one Redis) and consoles signed in to them
import { io as connectSocket } from 'socket.io-client';
import { expect } from 'vitest';
import { connectRedisAttemptStore } from '../auth/login-attempts-redis';
import { hashPassword, TEST_ONLY_SCRYPT_COST } from '../auth/passwords';
import { capturedLogger } from './test-auth-server';
import type { AppOptions, RingsideApp } from '../create-app';
import type { Database } from '../db/database';
import { IN_MEMORY, openDatabase } from '../db/open-database';
import { connectRedisAdapter } from '../cluster/redis-adapter';
import { startTestServer } from './server-builder';
import { command, type ConsoleSocket } from './socket-helpers';

export const CLUSTER_ORIGIN = 'http://localhost:3000';
const PASSWORD = 'cluster password 1';

export interface ClusterNode {
  app: RingsideApp;
  url: string;
  database: Database;
  closeRedis: () => Promise<void>;
  logs: string[];
}

/** one node: its own database pool and Redis adapter, on the shared PostgreSQL and Redis */
export async function startClusterNode(options: {
  redisUrl: string;
  databaseUrl: string;
  graph: { baseUrl: string; version: string };
  appSecret: string;
  timerSweep?: AppOptions['timerSweep'];
  racePoints?: AppOptions['racePoints'];
  ghostSweep?: AppOptions['ghostSweep'];
}): Promise<ClusterNode> {
  const database = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: IN_MEMORY });
  const adapter = await connectRedisAdapter(options.redisUrl, capturedLogger().logger);
  // sign-in attempts counted in Redis, as main.ts does in cluster mode
  const attempts = await connectRedisAttemptStore(options.redisUrl, capturedLogger().logger);
  const { app, url, logs } = await startTestServer({
    database,
    origin: CLUSTER_ORIGIN,
    appSecret: options.appSecret,
    verifyToken: 'v',
    graphApi: options.graph,
    // no secret box given: every node gets the builder's fixed key, so reads what another stored
    app: {
      socketAdapter: adapter.adapter,
      auth: { loginLimits: { store: attempts.store } },
      timerSweep: options.timerSweep,
      racePoints: options.racePoints,
      ghostSweep: options.ghostSweep,
    },
  });
  const closeRedis = async () => {
    await adapter.close();
    await attempts.close();
  };
  return { app, url, database, closeRedis, logs };
}

/** stops a node as a process exit would: timers, sockets and listener go */
export async function stopClusterNode(node: ClusterNode): Promise<void> {
  await node.app.close();
  await node.closeRedis();
  await node.database.close();
}

/** a sign-in on `node` from the cluster's origin; `headers` add to it (e.g. X-Forwarded-For) */
export function signInOn(
  node: ClusterNode,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${node.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: CLUSTER_ORIGIN, ...headers },
    body: JSON.stringify({ email, password }),
  });
}

/** the session cookie a sign-in set ('' when it set none) */
export const sessionCookieOf = (response: Response): string =>
  response.headers.getSetCookie()[0]?.split(';')[0] ?? '';

/** a console's socket to `node` with that session cookie, not yet connected; kept in `sockets` */
export function consoleSocketOn(
  node: ClusterNode,
  cookie: string,
  sockets: ConsoleSocket[],
): ConsoleSocket {
  const socket: ConsoleSocket = connectSocket(node.url, {
    transports: ['websocket'],
    extraHeaders: { cookie, origin: CLUSTER_ORIGIN },
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  return socket;
}

/**
 * An agent of the workspace with a console connected to `node`; set available unless told
 * `away` (a console connects as away).
 */
export async function clusterAgent(
  node: ClusterNode,
  workspaceId: string,
  name: string,
  sockets: ConsoleSocket[],
  status: 'available' | 'away' = 'available',
): Promise<{ id: string; socket: ConsoleSocket }> {
  const email = `${name.toLowerCase()}.${Math.random().toString(36).slice(2, 8)}@cluster.test`;
  const created = await node.app.repos.users.createUser({
    workspaceId,
    email,
    name,
    passwordHash: await hashPassword(PASSWORD, TEST_ONLY_SCRYPT_COST),
    role: 'agent',
  });
  if (!created.ok) throw new Error(created.error.message);
  const cookie = sessionCookieOf(await signInOn(node, email, PASSWORD));
  const socket = consoleSocketOn(node, cookie, sockets);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  if (status === 'available') {
    expect(await command(socket, 'agent:set-status', { status: 'available' })).toEqual({
      ok: true,
    });
  }
  return { id: created.user.id, socket };
}
