// test-only: the auth routes and socket auth on a real HTTP server at port 0, with captured logs
import type { Role } from '@ringside/contracts';
import express from 'express';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connectClient, type Socket as ClientSocket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Database } from '../db/database';
import { OPEN_TIMEOUT_MS, openTestDatabase } from './test-databases';
import { errorHandler } from '../http/app-error';
import { createLogger, type Logger } from '../ops/logger';
import type { Repos, User } from '../repos';
import { testRepos } from './test-seed';
import { createAuthRouter, type AuthRouterOptions } from '../auth/auth-router';
import { hashPassword, TEST_ONLY_SCRYPT_COST } from '../auth/passwords';
import { requireRole, requireSession, sessionUserOf } from '../auth/require-session';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { agentRoom } from '../sockets/rooms';
import type { RingsideServer } from '../sockets/socket-types';
import { guardSocketSessions, type SessionGuard } from '../sockets/session-bound';
import { disconnectSession } from '../auth/socket-auth';

/** A clock tests move by hand. */
export interface TestClock {
  now: () => Date;
  advance(ms: number): void;
}

/** starts at 2025-07-01 09:00 UTC unless told */
export function testClock(start = Date.parse('2025-07-01T09:00:00Z')): TestClock {
  let at = start;
  return { now: () => new Date(at), advance: (ms) => void (at += ms) };
}

/** A logger writing JSON lines into memory. */
export function capturedLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}

export interface TestUser {
  user: User;
  email: string;
  password: string;
}

/** A user with a real password hash and a unique email. */
export async function createTestUser(
  repos: Repos,
  workspaceId: string,
  role: Role = 'agent',
): Promise<TestUser> {
  const email = `${role}.${randomUUID()}@example.com`;
  const password = `pw-${randomUUID()}`;
  const created = await repos.users.createUser({
    workspaceId,
    email,
    name: `Test ${role}`,
    passwordHash: await hashPassword(password, TEST_ONLY_SCRYPT_COST),
    role,
  });
  if (!created.ok) throw new Error(created.error.message);
  return { user: created.user, email, password };
}

export interface TestAuthServer {
  readonly baseUrl: string;
  /** the allowed origin to send, the first of `publicOrigins` */
  readonly origin: string;
  readonly clock: TestClock;
  readonly io: RingsideServer;
  readonly logs: string[];
  /** sockets bound to their sessions; its sweep runs only when a test calls `runOnce()` */
  readonly sessionGuard: SessionGuard;
  close(): Promise<void>;
}

/**
 * The auth router at `/api`, an admin-only `GET /api/admin/ping`, the error handler, and a
 * Socket.IO server using the socket auth whose sockets join their agent room. Passwords are
 * hashed at the test-only scrypt cost unless `testOnlyPasswordCost` says otherwise.
 */
export async function startAuthServer(
  repos: Repos,
  options: Partial<
    Pick<
      AuthRouterOptions,
      'publicOrigins' | 'loginLimits' | 'sessionTtlMs' | 'testOnlyPasswordCost'
    >
  > = {},
): Promise<TestAuthServer> {
  const publicOrigins = options.publicOrigins ?? ['http://localhost:3000'];
  const clock = testClock();
  const { logger, lines } = capturedLogger();
  const app = express();
  const server = createServer(app);
  const io: RingsideServer = new Server(server);
  // as the app: a proxy on loopback names the client in X-Forwarded-For
  app.set('trust proxy', 'loopback');
  app.use(
    '/api',
    createAuthRouter({
      testOnlyPasswordCost: TEST_ONLY_SCRYPT_COST,
      ...options,
      repos,
      clock: clock.now,
      logger,
      publicOrigins,
      onSignedOut: ({ sessionId }) => disconnectSession(io, sessionId),
    }),
  );
  app.get(
    '/api/admin/ping',
    requireSession({ repos, clock: clock.now }),
    requireRole('admin'),
    (_req, res) => {
      res.json({ pong: sessionUserOf(res).userId });
    },
  );
  app.use(errorHandler(logger));
  const sessionGuard = guardSocketSessions(io, { repos, clock: clock.now, publicOrigins, logger });
  io.on('connection', (socket) => void socket.join(agentRoom(socket.data.userId)));

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    origin: publicOrigins[0] ?? '',
    clock,
    io,
    logs: lines,
    sessionGuard,
    close: () => new Promise<void>((resolve) => void io.close(() => resolve())),
  };
}

/** The `name=value` of the session cookie a response set, for sending back. */
export function sessionCookieFrom(response: Response): string | undefined {
  const set = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return set?.split(';')[0];
}

/** Signs in and returns the cookie to send back. */
export async function signIn(server: TestAuthServer, who: TestUser): Promise<string> {
  const response = await postJson(server, '/api/auth/login', {
    email: who.email,
    password: who.password,
  });
  const cookie = sessionCookieFrom(response);
  if (response.status !== 200 || !cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie;
}

/** a JSON POST from the console's origin; `headers` may override the origin or add a cookie */
export function postJson(
  server: TestAuthServer,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.origin, ...headers },
    body: JSON.stringify(body),
  });
}

/** a GET with the given session cookie, or none */
export function getWithCookie(
  server: TestAuthServer,
  path: string,
  cookie?: string,
): Promise<Response> {
  return fetch(`${server.baseUrl}${path}`, { headers: cookie ? { cookie } : {} });
}

/** A typed Socket.IO client over websocket with the given headers; not yet connected. */
export function socketClient(
  server: TestAuthServer,
  headers: Record<string, string>,
): ClientSocket {
  return connectClient(server.baseUrl, {
    transports: ['websocket'],
    extraHeaders: headers,
    reconnection: false,
    autoConnect: false,
    forceNew: true,
  });
}

/** Resolves when the client connects; rejects with the server's refusal. */
export function connected(client: ClientSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('connect_error', (error) => reject(error));
    client.connect();
  });
}

export interface AuthFixture {
  readonly database: Database;
  readonly repos: Repos;
  /** a workspace named 'Acme Support' */
  readonly workspaceId: string;
  /** starts a server that is closed after the test */
  start(options?: Parameters<typeof startAuthServer>[1]): Promise<TestAuthServer>;
}

/**
 * One in-memory PGlite per test file with a workspace, and servers closed after each test.
 *
 * @example
 * const fixture = useAuthFixture();
 * it('…', async () => { const server = await fixture().start(); });
 */
export function useAuthFixture(): () => AuthFixture {
  let fixture: AuthFixture | undefined;
  const servers: TestAuthServer[] = [];
  beforeAll(async () => {
    const database = await openTestDatabase('pglite');
    const repos = testRepos(database.db);
    const workspace = await repos.workspaces.createWorkspace('Acme Support');
    fixture = {
      database,
      repos,
      workspaceId: workspace.id,
      async start(options = {}) {
        const server = await startAuthServer(repos, options);
        servers.push(server);
        return server;
      },
    };
  }, OPEN_TIMEOUT_MS);
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  afterAll(async () => {
    await fixture?.database.close();
  });
  return () => {
    if (!fixture) throw new Error('the auth fixture is not ready');
    return fixture;
  };
}
