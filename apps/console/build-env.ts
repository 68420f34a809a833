/**
 * The build's own configuration (the dev server's proxy target), read once from the
 * environment. Browser code never reads `process.env`; see `src/env.ts` for its side.
 *
 * @example
 * const { serverPort } = loadBuildEnv({ RINGSIDE_SERVER_PORT: '3917' }); // 3917
 */
export function loadBuildEnv(source: Record<string, string | undefined> = process.env): {
  serverPort: number;
} {
  const raw = source['RINGSIDE_SERVER_PORT'];
  if (raw === undefined || raw.trim() === '') return { serverPort: 3000 };
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    // a wrong port would only show up later as a confusing proxy error
    throw new Error(`RINGSIDE_SERVER_PORT must be a port number (1-65535), got "${raw}"`);
  }
  return { serverPort: port };
}
