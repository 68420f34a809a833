import { connect } from 'node:net';

/**
 * Whether something accepts TCP connections on host:port now. Resolves false on refusal or
 * after `timeoutMs`; never rejects.
 *
 * @example
 * await acceptsConnections('127.0.0.1', 8188); // true once janus listens
 */
export function acceptsConnections(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
