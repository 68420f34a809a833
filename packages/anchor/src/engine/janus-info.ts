import Janode from 'janode';

/**
 * The `server-name` Janus gives in its `info` reply at `url`, or null when nothing there speaks the
 * Janus API (refused, another server on the port, no answer). Never throws.
 *
 * @example
 * await janusServerName('ws://127.0.0.1:8188'); // 'ringside-anchor-3f9a…'
 */
export async function janusServerName(url: string): Promise<string | null> {
  Janode.Logger.setLevel('none');
  try {
    const connection = await Janode.connect({ address: { url }, max_retries: 0 });
    try {
      const info = await Promise.race([
        connection.getInfo(),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 2000).unref()),
      ]);
      return info?.['server-name'] ?? null;
    } finally {
      await connection.close().catch(() => undefined);
    }
  } catch {
    return null;
  }
}
