// test-only: the smallest child for child.test.ts: echoes, fails, hangs or dies on request
import { serveParent } from './child';

export type EchoRequest =
  | { readonly say: string }
  | { readonly fail: string }
  | { readonly hang: true }
  | { readonly die: number };

serveParent(async (request: EchoRequest) => {
  if ('say' in request) return { heard: request.say, pid: process.pid };
  if ('fail' in request) throw new Error(request.fail);
  if ('die' in request) process.exit(request.die);
  return new Promise<never>(() => {});
});
