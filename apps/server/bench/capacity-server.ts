// child process: the capacity bench's Ringside server, alone in its process so its memory and
// CPU are its own (the sockets and webhook senders are other children)
import { connectRedisAttemptStore } from '../src/auth/login-attempts-redis';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { hashPassword } from '../src/auth/passwords';
import { connectRedisAdapter } from '../src/cluster/redis-adapter';
import { createLogger } from '../src/ops/logger';
import { within } from './bench-context';
import { serveParent } from './child';
import type { ServerReply, ServerRequest } from './capacity-protocol';
import { startRingside, type RingsideStack } from './ringside-stack';

const QUIET_NUMBER = '100000000000002';

// a full collection before a reading, so per-agent and per-call memory is not what the GC had
// not yet swept (node's documented --expose-gc, turned on here since fork passes no flags)
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

let stack: RingsideStack | undefined;
const closeRedis: (() => Promise<void>)[] = [];
let passwordHash: string | undefined;

serveParent(
  async (request: ServerRequest): Promise<ServerReply> => {
    switch (request.kind) {
      case 'start':
        return start(request);
      case 'add-agents': {
        const running = started();
        // one scrypt hash for every agent: sign-in is not what this measures
        passwordHash ??= await hashPassword('bench agent password');
        return { kind: 'agents', cookies: await running.addAgents(request.count, passwordHash) };
      }
      case 'usage': {
        if (request.collect) collectGarbage();
        const cpu = process.cpuUsage();
        return {
          kind: 'usage',
          usage: {
            rssBytes: process.memoryUsage.rss(),
            heapUsedBytes: process.memoryUsage().heapUsed,
            cpuMicros: cpu.user + cpu.system,
            atMs: performance.now(),
          },
        };
      }
      case 'idle': {
        const running = started();
        await within(running.app.processor.idle(), request.timeoutMs, 'the webhook backlog');
        return { kind: 'idle', graphRequests: running.graph.requests.length };
      }
    }
  },
  async () => {
    await stack?.close();
    for (const close of closeRedis) await close();
  },
);

async function start(request: Extract<ServerRequest, { kind: 'start' }>): Promise<ServerReply> {
  if (stack) throw new Error('already started');
  let app: Parameters<typeof startRingside>[0]['app'];
  if (request.redisUrl) {
    // as main.ts does in cluster mode: sockets and the sign-in throttle shared through Redis
    const logger = createLogger('warn', { write: (line: string) => process.stderr.write(line) });
    const adapter = await connectRedisAdapter(request.redisUrl, logger);
    closeRedis.push(adapter.close);
    const attempts = await connectRedisAttemptStore(request.redisUrl, logger);
    closeRedis.push(attempts.close);
    app = { socketAdapter: adapter.adapter, auth: { loginLimits: { store: attempts.store } } };
  }
  stack = await startRingside({
    appSecret: request.appSecret,
    logFile: request.logFile,
    databaseUrl: request.databaseUrl,
    ...(app ? { app } : {}),
    ...(request.shared ? { shared: request.shared } : {}),
  });
  if (!request.shared) {
    // a second workspace, nobody in it: webhooks to its number are stored and processed, ring no one
    const { repos } = stack.app;
    const quiet = await repos.workspaces.createWorkspace('Bench quiet');
    const channel = await repos.channels.createWhatsAppChannel({
      workspaceId: quiet.id,
      phoneNumberId: QUIET_NUMBER,
      wabaId: '200000000000002',
      displayNumber: '+15550100002',
      accessToken: 'bench-access-token',
    });
    if (!channel.ok) throw new Error('could not create the quiet channel');
  }
  return {
    kind: 'started',
    url: stack.url,
    webhookUrl: stack.webhookUrl,
    workspaceId: stack.workspaceId,
    phoneNumberId: stack.phoneNumberId,
    quietPhoneNumberId: QUIET_NUMBER,
  };
}

function started(): RingsideStack {
  if (!stack) throw new Error('the server is not started');
  return stack;
}
