import { callTranscriptSchema, type CallTranscript } from '@ringside/contracts/call-media';
import { backoffDelay, type BackoffPolicy } from '../graph/backoff';
import { GraphApiError } from '../graph/graph-api-error';
import type { GraphClient } from '../graph/graph-client';
import { downloadMedia } from '../graph/media-download';
import type { Logger } from '../ops/logger';
import { periodic } from '../ops/periodic';
import type { Repos } from '../repos';
import type { DueMedia } from '../repos/call-media';
import { mediaKey, type MediaStore } from './media-store';

export interface MediaWorkerOptions {
  /** how often to look for media to fetch and files to delete (default 5 s) */
  periodMs?: number;
  /** tries in all before a fetch is shown as failed (default 6) */
  maxAttempts?: number;
  /** waits between tries (default from 5 s, at most 10 min) */
  retry?: BackoffPolicy;
  random?: () => number;
}

const DAY_MS = 86_400_000;
const LEASE_MS = 120_000;
const BATCH = 5;

/**
 * Fetches the recordings and transcripts Meta's webhooks named (Graph `GET /{media-id}`, then the
 * file from its URL with the same token), keeps them in the media store until the line's
 * retention ends, then deletes them. A failed fetch is tried again with backoff; after the last
 * try the call detail says it failed, and the webhook's row stays.
 *
 * @example
 * const worker = createMediaWorker({ repos, graph, store, clock, logger, graphBaseUrl });
 * worker.start(); // after listen
 * await worker.runOnce(); // tests
 */
export function createMediaWorker(
  deps: {
    repos: Pick<Repos, 'callMedia' | 'channels'>;
    graph: GraphClient;
    store: MediaStore;
    clock: () => Date;
    logger: Logger;
    graphBaseUrl: string;
  },
  options: MediaWorkerOptions = {},
) {
  const maxAttempts = options.maxAttempts ?? 6;
  const retry = options.retry ?? { baseMs: 5_000, maxMs: 600_000 };
  const random = options.random ?? Math.random;

  async function fetchOne({ row, channelId, retentionDays }: DueMedia): Promise<void> {
    const now = deps.clock();
    try {
      const creds = await deps.repos.channels.getChannelCredentials(channelId);
      if (!creds) {
        throw new GraphApiError({
          kind: 'meta',
          meaning: 'This channel has no access token.',
          retryable: false,
        });
      }
      if (row.metaMediaId === null) throw new Error('no media id');
      const located = await deps.graph.whatsapp.mediaUrl(creds, row.metaMediaId);
      const file = await downloadMedia({
        url: located.url,
        accessToken: creds.accessToken,
        graphBaseUrl: deps.graphBaseUrl,
        timeoutMs: 30_000,
      });
      const mimeType = located.mime_type || file.mimeType;
      const transcriptText = row.kind === 'transcript' ? readTranscript(file.bytes) : null;
      const key = mediaKey(row.workspaceId, row.callId, row.kind, mimeType);
      await deps.store.put(key, file.bytes);
      await deps.repos.callMedia.stored(
        row.id,
        {
          storageKey: key,
          mimeType,
          sizeBytes: file.bytes.length,
          transcriptText,
          expiresAt: new Date(now.getTime() + retentionDays * DAY_MS),
        },
        deps.clock(),
      );
      deps.logger.info(
        { callId: row.callId, kind: row.kind, bytes: file.bytes.length },
        'call media stored',
      );
    } catch (error) {
      const attempt = row.attempts + 1;
      const retryable = !(error instanceof GraphApiError) || error.retryable;
      const giveUp = !retryable || attempt >= maxAttempts;
      const said = describe(error);
      const retryAt = giveUp
        ? null
        : new Date(
            now.getTime() + Math.max(retry.baseMs / 2, backoffDelay(attempt, retry, random)),
          );
      await deps.repos.callMedia.tried(row.id, said, retryAt, deps.clock());
      deps.logger.warn(
        { callId: row.callId, kind: row.kind, attempt, giveUp, reason: said },
        'call media fetch failed',
      );
    }
  }

  /** deletes the files whose retention ended; the rows stay, marked expired */
  async function sweep(): Promise<number> {
    const now = deps.clock();
    const expired = await deps.repos.callMedia.expiredBy(now, 50);
    for (const row of expired) {
      if (row.storageKey !== null) await deps.store.delete(row.storageKey);
      await deps.repos.callMedia.expire(row.id, now);
    }
    return expired.length;
  }

  async function runOnce(): Promise<{ fetched: number; expired: number }> {
    const due = await deps.repos.callMedia.claimDue(deps.clock(), BATCH, LEASE_MS);
    for (const item of due) await fetchOne(item);
    return { fetched: due.length, expired: await sweep() };
  }

  const rounds = periodic(
    options.periodMs ?? 5_000,
    () => runOnce(),
    (error) => deps.logger.error({ err: error }, 'media worker round failed'),
  );
  return { runOnce, start: rounds.start, stop: rounds.stop };
}

export type MediaWorker = ReturnType<typeof createMediaWorker>;

/** the transcript's turns as searchable lines ("speaker: words"); an unreadable one fails the fetch */
function readTranscript(bytes: Buffer): string {
  let doc: CallTranscript;
  try {
    doc = callTranscriptSchema.parse(JSON.parse(bytes.toString('utf8')));
  } catch {
    throw new GraphApiError({
      kind: 'bad-reply',
      meaning: "Meta's transcript could not be read.",
      retryable: false,
    });
  }
  return doc.segments.map((segment) => `${segment.speaker}: ${segment.text}`).join('\n');
}

function describe(error: unknown): string {
  if (error instanceof GraphApiError) return error.message;
  return 'the file could not be fetched or stored';
}
