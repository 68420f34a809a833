import { GraphApiError } from './graph-api-error';

/** recordings are minutes of Opus; anything past this is not one */
export const MEDIA_DOWNLOAD_MAX_BYTES = 100 * 1024 * 1024;

export interface DownloadedMedia {
  readonly bytes: Buffer;
  readonly mimeType: string;
}

/**
 * Downloads a media file from the URL `GET /{media-id}` gave, with the same access token in
 * the Authorization header (Meta's media URLs need it). Only https URLs, or http ones on the
 * Graph base's own origin (the simulator), are fetched; the token goes nowhere else.
 *
 * @example
 * const file = await downloadMedia({ url, accessToken, graphBaseUrl, timeoutMs: 30_000 });
 */
export async function downloadMedia(options: {
  url: string;
  accessToken: string;
  graphBaseUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}): Promise<DownloadedMedia> {
  const target = safeUrl(options.url, options.graphBaseUrl);
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(target, {
      headers: { authorization: `Bearer ${options.accessToken}` },
      redirect: 'follow',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new GraphApiError({
      kind: timedOut ? 'timeout' : 'network',
      meaning: timedOut
        ? 'Meta did not send the media file in time.'
        : 'Meta could not be reached.',
      retryable: true,
      cause: error,
    });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new GraphApiError({
      kind: 'meta',
      httpStatus: response.status,
      meaning: `Meta answered ${response.status} to the media download.`,
      // an expired URL or token is worth a fresh GET /{media-id}; a 4xx other than those is not
      retryable: response.status >= 500 || response.status === 401 || response.status === 404,
    });
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MEDIA_DOWNLOAD_MAX_BYTES) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > MEDIA_DOWNLOAD_MAX_BYTES) throw tooLarge();
  const mimeType = (response.headers.get('content-type') ?? 'application/octet-stream')
    .split(';')[0]!
    .trim();
  return { bytes, mimeType };
}

function tooLarge(): GraphApiError {
  return new GraphApiError({
    kind: 'bad-reply',
    meaning: 'The media file is larger than Ringside keeps.',
    retryable: false,
  });
}

function safeUrl(url: string, graphBaseUrl: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badUrl();
  }
  const base = new URL(graphBaseUrl);
  if (parsed.protocol === 'https:' || parsed.origin === base.origin) return parsed;
  throw badUrl();
}

function badUrl(): GraphApiError {
  return new GraphApiError({
    kind: 'bad-reply',
    meaning: 'Meta gave a media URL that is not https.',
    retryable: false,
  });
}
