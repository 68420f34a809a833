// test-only: ports on 127.0.0.1 for the processes tests start (servers, databases, proxies)
import { createConnection, createServer } from 'node:net';

/**
 * A TCP port on 127.0.0.1 that nothing listens on right now: for a process that takes its port
 * on the command line (PostgreSQL, Redis, nginx, coturn…). Another process may take it before
 * ours binds; the start-up of each such process says so plainly when that happens.
 *
 * @example
 * const port = await freePort();
 * spawn('redis-server', ['--port', String(port)]);
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Whether something accepts TCP connections on 127.0.0.1:`port` now.
 *
 * @example
 * while (!(await acceptsConnections(port))) await sleep(50);
 */
export function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
