import { createServer } from 'node:http';
import { META_SIGNATURE_HEADER, verifyMetaSignature } from '@ringside/contracts/signature';
import { closeLocal, listenLocal, readBody } from './local-server';

/** A running bench server: its base URL and how to stop it. */
export interface LocalService {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The ingest baseline: a bare `node:http` server that checks `X-Hub-Signature-256` over the raw
 * body (the same check Ringside makes) and answers 200, or 401 for a bad signature. No parsing,
 * no storage: the least any correct webhook receiver must do.
 *
 * @example
 * const baseline = await startBaselineWebhookServer(appSecret);
 * // post to `${baseline.url}/webhooks/meta`
 * await baseline.close();
 */
export async function startBaselineWebhookServer(appSecret: string): Promise<LocalService> {
  const server = createServer((req, res) => {
    readBody(req).then(
      (raw) => {
        const header = req.headers[META_SIGNATURE_HEADER];
        const check = verifyMetaSignature(
          raw,
          typeof header === 'string' ? header : undefined,
          appSecret,
        );
        res.writeHead(check.ok ? 200 : 401, { 'content-type': 'application/json' });
        res.end(check.ok ? '{"ok":true}' : '{"error":"signature"}');
      },
      () => {
        res.writeHead(400);
        res.end();
      },
    );
  });
  const url = await listenLocal(server);
  return { url, close: () => closeLocal(server) };
}
