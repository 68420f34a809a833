import type { LogLevel } from './env';

/** a scoped logger; calls below the configured level are dropped */
export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/**
 * Creates a logger writing `[ringside:scope] message` to the browser console.
 *
 * @example
 * const log = createLogger('call', 'info');
 * log.info('phase connecting -> active', { callId });
 */
export function createLogger(scope: string, level: LogLevel): Logger {
  const write = (at: LogLevel) => (message: string, data?: Record<string, unknown>) => {
    if (ORDER[at] < ORDER[level]) return;
    const line = `[ringside:${scope}] ${message}`;
    if (data === undefined) console[at](line);
    else console[at](line, data);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** a logger that drops everything, for tests */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
