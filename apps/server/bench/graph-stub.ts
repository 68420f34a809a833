import { createServer } from 'node:http';
import { closeLocal, listenLocal, readBody } from './local-server';

/** A stand-in for graph.facebook.com that says yes to everything and counts what it was asked. */
export interface GraphStub {
  readonly url: string;
  /** `METHOD /path` of every request so far */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

/**
 * Answers every request 200 `{"success":true}`. The benches ring no agent through Meta, so it
 * should see nothing; it is here so a Graph request would be cheap and visible, not a call to
 * the real Meta.
 *
 * @example
 * const graph = await startGraphStub();
 * createApp({ …, graphApi: { baseUrl: graph.url, version: 'v24.0' } });
 */
export async function startGraphStub(): Promise<GraphStub> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method ?? '?'} ${req.url ?? '?'}`);
    const answer = () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"success":true}');
    };
    readBody(req).then(answer, answer);
  });
  const url = await listenLocal(server);
  return { url, requests, close: () => closeLocal(server) };
}
