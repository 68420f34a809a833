import { toReadableError, type ErrorCode, type ReadableIssue } from '@ringside/contracts';
import type { ErrorRequestHandler } from 'express';
import { z } from 'zod';
import type { Logger } from '../ops/logger';

export interface AppErrorOptions {
  /** bad input, by path; sent to the client */
  issues?: ReadableIssue[];
  /** what went wrong underneath; logged, never sent */
  cause?: unknown;
}

/**
 * An error meant for the client: a stable code, an HTTP status and a message safe to show.
 * Anything else thrown in a route becomes a bland 500.
 *
 * @example
 * throw new AppError('forbidden', 403, 'Only admins can do this.');
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly issues: ReadableIssue[] | undefined;

  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.issues = options.issues;
  }
}

/** The JSON body of every REST error. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: ReadableIssue[] };
}

const INTERNAL: ErrorBody = { error: { code: 'internal', message: 'Something went wrong' } };

/**
 * Express error middleware, mounted last: maps {@link AppError}, zod errors and body-parser
 * failures to `{error:{code,message}}`; anything else is a 500 whose real error is only logged.
 *
 * @example
 * app.use('/api', createAuthRouter(options));
 * app.use(errorHandler(logger));
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      // too late for a body: let express end the response
      next(error);
      return;
    }
    const mapped = toAppError(error);
    if (!mapped || mapped.status >= 500) {
      logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    } else if (mapped.cause !== undefined) {
      logger.warn({ err: mapped.cause, method: req.method, path: req.path }, mapped.message);
    }
    if (!mapped) {
      res.status(500).json(INTERNAL);
      return;
    }
    const body: ErrorBody = { error: { code: mapped.code, message: mapped.message } };
    if (mapped.issues) body.error.issues = mapped.issues;
    res.status(mapped.status).json(body);
  };
}

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) {
    return new AppError('invalid_payload', 400, 'The request is not valid.', {
      issues: toReadableError(error).issues,
    });
  }
  // express.json() failures carry a type; their messages may quote the body, so use our own
  switch (bodyParserType(error)) {
    case 'entity.parse.failed':
      return new AppError('invalid_payload', 400, 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new AppError('invalid_payload', 413, 'The request body is too large.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('invalid_payload', 415, 'The request body encoding is not supported.');
    default:
      return undefined;
  }
}

function bodyParserType(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const type = (error as { type?: unknown }).type;
  return typeof type === 'string' ? type : undefined;
}
