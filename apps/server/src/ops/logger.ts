import pino, { type DestinationStream, type Logger } from 'pino';

// anything that could hold a secret is censored wherever it sits in a log object
const REDACT = [
  'accessToken',
  '*.accessToken',
  'token',
  '*.token',
  'password',
  '*.password',
  'passwordHash',
  '*.passwordHash',
  'appSecret',
  '*.appSecret',
  'secret',
  '*.secret',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.cookie',
  'cookie',
  '*.cookie',
  'sdp',
  '*.sdp',
];

/**
 * The server's JSON logger. Secrets are censored by key; SDPs too, since they carry ICE
 * credentials and are large.
 *
 * @example
 * const logger = createLogger('info');
 * logger.info({ callId, from: 'ringing', to: 'claimed' }, 'call state');
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    { level, redact: { paths: REDACT, censor: '[redacted]' }, base: { service: 'ringside' } },
    destination,
  );
}

export type { Logger };
