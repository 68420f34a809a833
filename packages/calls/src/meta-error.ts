import type { MetaErrorItem } from '@ringside/contracts';
import { compact } from './step';
import type { MetaError } from './state';

/**
 * Flattens Meta's `errors[]` items and drops repeats: WhatsApp may put the same error beside
 * the calls array and inside the call object.
 *
 * @example
 * toMetaErrors([{ code: 138021, message: 'Media receive timeout', error_data: { details: 'No media' } }]);
 * // [{ code: 138021, message: 'Media receive timeout', details: 'No media' }]
 */
export function toMetaErrors(items: readonly MetaErrorItem[]): MetaError[] {
  const seen = new Set<string>();
  const errors: MetaError[] = [];
  for (const item of items) {
    const error: MetaError = compact({
      code: item.code,
      message: item.message ?? item.title,
      details: item.error_data?.details,
    });
    const signature = JSON.stringify([error.code, error.message, error.details]);
    if (seen.has(signature)) continue;
    seen.add(signature);
    errors.push(error);
  }
  return errors;
}
