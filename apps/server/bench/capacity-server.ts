// child process: the capacity bench's Ringside server, alone in its process so its memory and
// CPU are its own (the sockets and webhook senders are other children)
import { hashPassword } from '../src/auth/passwords';
import { within } from './bench-context';
import { serveParent } from './child';
import type { ServerReply, ServerRequest } from './capacity-protocol';
import { startRingside, type RingsideStack } from './ringside-stack';

const QUIET_NUMBER = '100000000000002';

let stack: RingsideStack | undefined;
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
        const cpu = process.cpuUsage();
        return {
          kind: 'usage',
          usage: {
            rssBytes: process.memoryUsage.rss(),
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
  },
);

async function start(request: Extract<ServerRequest, { kind: 'start' }>): Promise<ServerReply> {
  if (stack) throw new Error('already started');
  stack = await startRingside({
    appSecret: request.appSecret,
    logFile: request.logFile,
    databaseUrl: request.databaseUrl,
  });
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
  return {
    kind: 'started',
    url: stack.url,
    webhookUrl: stack.webhookUrl,
    phoneNumberId: stack.phoneNumberId,
    quietPhoneNumberId: QUIET_NUMBER,
  };
}

function started(): RingsideStack {
  if (!stack) throw new Error('the server is not started');
  return stack;
}
