import { describeMetaError, type MetaErrorEnvelope } from '@ringside/contracts';
import type { MetaFailure } from '../engine/outcome';

// meta's own titles for the codes the simulator gives; others fall back to the shared table
const TITLES: Readonly<Record<number, string>> = {
  1: 'An unknown error occurred',
  2: 'An unexpected error has occurred. Please retry your request later.',
  100: 'Invalid parameter',
  190: 'Invalid OAuth access token - Cannot parse access token',
  613: 'Fetch Call Permission For Consumer Phone Number API Limit Hit',
  131047: 'Re-engagement message',
  131055: 'Method not allowed',
  132001: 'Template name does not exist in the translation',
  138000: 'Calling not enabled',
  138003: 'Duplicate call',
  138006: 'No approved call permission from the recipient',
  138009: 'Call permission request limit hit',
  138012: 'Business initiated calls limit hit',
  138017: 'Permanent call permission already exists',
};

/**
 * Meta's error envelope for a refusal:
 * `{"error":{"message","type","code","error_data":{"details"},"fbtrace_id"}}`.
 *
 * @example
 * res.status(failure.httpStatus).json(errorEnvelope(failure, 'AbC123'));
 */
export function errorEnvelope(failure: MetaFailure, traceId: string): MetaErrorEnvelope {
  const title = TITLES[failure.code] ?? describeMetaError(failure.code).name.replace(/_/g, ' ');
  return {
    error: {
      message: failure.message ?? `(#${failure.code}) ${title}`,
      type: failure.type ?? 'OAuthException',
      code: failure.code,
      ...(failure.subcode === undefined ? {} : { error_subcode: failure.subcode }),
      error_data: { details: failure.details },
      fbtrace_id: traceId,
    },
  };
}
