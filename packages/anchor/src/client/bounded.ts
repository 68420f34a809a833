import { AnchorError } from '../errors';

/** how long one engine request may take; Janus answers in milliseconds when healthy */
export const REQUEST_BOUND_MS = 10_000;

/**
 * `request`, or an `AnchorError('request_failed')` once `ms` pass without an answer: janode's
 * requests wait forever on an engine that is alive but stuck (a dead one fails them at once).
 *
 * @example
 * await bounded(control.create({ room }), 'creating the room of call-42');
 */
export function bounded<T>(request: Promise<T>, what: string, ms = REQUEST_BOUND_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AnchorError('request_failed', `${what}: no answer within ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([request, late]).finally(() => clearTimeout(timer));
}
