// soak-only: the simulator as the soak runs it: fake media, duplicated and reordered webhooks
import { randomBytes } from 'node:crypto';
import { createFakeMediaFactory, createMetaSim, type MetaSim } from '@ringside/meta-sim';

export const SOAK_SIZE = {
  /** PGlite's run; the cluster's takes half as many */
  calls: Number(process.env['SOAK_CALLS'] ?? 240),
  concurrency: Number(process.env['SOAK_CONCURRENCY'] ?? 4),
};

export function soakSim(): { sim: MetaSim; appSecret: string } {
  const appSecret = `soak-${randomBytes(12).toString('hex')}`;
  const sim = createMetaSim({
    appSecret,
    webhookUrl: null,
    media: createFakeMediaFactory(),
    timeouts: { ringMs: 20_000 },
    webhooks: {
      duplicates: 0.3,
      reorder: true,
      // a customer who hangs up within this of calling has the terminate sent before the connect
      holdMs: 150,
      // retries outlast a restart (Meta retries for days; these cover ~30 s)
      retry: { baseDelayMs: 250, maxDelayMs: 4_000, maxAttempts: 12 },
    },
  });
  return { sim, appSecret };
}
