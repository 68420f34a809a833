import type { DoctorCheck, DoctorCheckId, DoctorStatus } from '@ringside/contracts';
import { GraphApiError } from '../graph/graph-api-error';

/** the channel a check is about, as the report names it */
export type DoctorChannel = NonNullable<DoctorCheck['channel']>;

/** why Meta did not answer a read: its code, and its meaning in plain words */
export interface MetaRefusal {
  code: number | undefined;
  subcode: number | undefined;
  meaning: string;
  retryable: boolean;
}

/** one of Meta's answers the checks read: the reply, or why there was none */
export type MetaAnswer<T> = { ok: true; value: T } | { ok: false; refusal: MetaRefusal };

/**
 * Runs one Graph read and keeps Meta's refusal as a value (checks speak about it); anything
 * that is not a Graph failure still throws.
 *
 * @example
 * const settings = await ask(() => graph.whatsapp.getSettings(creds));
 */
export async function ask<T>(read: () => Promise<T>): Promise<MetaAnswer<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (!(error instanceof GraphApiError)) throw error;
    return {
      ok: false,
      refusal: {
        code: error.code,
        subcode: error.subcode,
        meaning: error.meaning,
        retryable: error.retryable,
      },
    };
  }
}

/**
 * One result, in plain words; `fix` is what to do (null when nothing needs doing).
 *
 * @example
 * result('turn', 'warn', null, 'No TURN server is configured.', 'Set TURN_URLS and TURN_SECRET.');
 */
export function result(
  id: DoctorCheckId,
  status: DoctorStatus,
  channel: DoctorChannel | null,
  message: string,
  fix: string | null = null,
): DoctorCheck {
  return { id, status, channel, message, fix };
}

/** a refusal in words, for a check that could not read what it needed */
export function couldNotRead(what: string, refusal: MetaRefusal): string {
  const code = refusal.code === undefined ? '' : ` (Meta error ${refusal.code})`;
  return `Could not read ${what} from Meta: ${refusal.meaning}${code}`;
}
