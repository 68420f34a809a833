import { httpStatusFor } from './http-status';

/**
 * A refusal as Meta's Graph API gives it: the HTTP status, Meta's error code and the
 * `error_data.details` text. The Graph layer wraps it in Meta's envelope.
 */
export interface MetaFailure {
  httpStatus: number;
  code: number;
  details: string;
  subcode?: number;
  /** Meta's `type`; OAuthException for nearly everything */
  type?: string;
  /** overrides the standard message for `code` */
  message?: string;
}

/** what an engine action returns: Meta's reply body, or a refusal */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: MetaFailure };

/**
 * A refusal with the HTTP status Meta gives its code ({@link httpStatusFor}: 401 for 138006,
 * 429 for 138005, 400 for most) unless told otherwise.
 *
 * @example
 * return refuse(138006, 'the user has not granted call permission'); // HTTP 401
 */
export function refuse(
  code: number,
  details: string,
  extra: Partial<Omit<MetaFailure, 'code' | 'details'>> = {},
): { ok: false; error: MetaFailure } {
  return { ok: false, error: { httpStatus: httpStatusFor(code), code, details, ...extra } };
}

export function succeed<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}
