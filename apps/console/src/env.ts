/** The console's configuration, read once. Nothing else reads `import.meta.env`. */
export interface ConsoleEnv {
  /** a development build (vite dev server) */
  dev: boolean;
  /** the least important log line the browser console shows */
  logLevel: LogLevel;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * Reads Vite's build-time values into a typed object.
 *
 * @example
 * const env = readEnv({ DEV: true }); // { dev: true, logLevel: 'debug' }
 */
export function readEnv(source: { DEV?: unknown } = import.meta.env): ConsoleEnv {
  const dev = source.DEV === true;
  return { dev, logLevel: dev ? 'debug' : 'info' };
}
