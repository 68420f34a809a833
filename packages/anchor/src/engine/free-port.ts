import { createServer } from 'node:net';

/**
 * A TCP port free on `host` right now, for a child process that cannot listen on port 0 and
 * report back (janus reads its port from a file). Another process could take it before the
 * child binds it; the child then fails to start, which {@link JanusProcess.start} reports.
 *
 * @example
 * const port = await freeTcpPort('127.0.0.1'); // e.g. 39127
 */
export function freeTcpPort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port was assigned'))));
    });
  });
}
