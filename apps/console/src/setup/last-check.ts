import type { CheckId, CheckResult, Verdict } from './check-result';

/** the last "Test my setup" run of a user in this browser */
export interface LastCheck {
  /** epoch ms it finished (or the speaker was last answered) */
  at: number;
  results: CheckResult[];
}

const IDS: readonly CheckId[] = ['microphone', 'speaker', 'relay', 'network'];
const VERDICTS: readonly Verdict[] = ['pass', 'warn', 'fail', 'info'];

function isResult(value: unknown): value is CheckResult {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    IDS.includes(v['id'] as CheckId) &&
    VERDICTS.includes(v['verdict'] as Verdict) &&
    typeof v['summary'] === 'string' &&
    (v['fix'] === undefined || typeof v['fix'] === 'string') &&
    (v['figures'] === undefined ||
      (Array.isArray(v['figures']) && v['figures'].every((f) => typeof f === 'string')))
  );
}

/**
 * Reads a stored last check; anything unreadable (another version's shape, a hand edit) is no
 * check at all.
 *
 * @example
 * parseLastCheck('{"at":1,"results":[]}'); // { at: 1, results: [] }
 * parseLastCheck('oops'); // undefined
 */
export function parseLastCheck(stored: string | null): LastCheck | undefined {
  if (!stored) return undefined;
  try {
    const value: unknown = JSON.parse(stored);
    if (typeof value !== 'object' || value === null) return undefined;
    const { at, results } = value as Record<string, unknown>;
    if (typeof at !== 'number' || !Array.isArray(results) || !results.every(isResult))
      return undefined;
    return { at, results };
  } catch {
    return undefined;
  }
}

/**
 * Where each user's last check is kept in this browser (localStorage, one key per user, so a
 * shared desk does not show one agent another's result). Storage may be off (private modes):
 * then nothing is kept.
 *
 * @example
 * const kept = new LastChecks(window.localStorage);
 * kept.write('u_alex', { at: Date.now(), results });
 */
export class LastChecks {
  readonly #storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;

  constructor(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined) {
    this.#storage = storage;
  }

  read(userId: string): LastCheck | undefined {
    try {
      return parseLastCheck(this.#storage?.getItem(key(userId)) ?? null);
    } catch {
      return undefined;
    }
  }

  write(userId: string, check: LastCheck): void {
    try {
      this.#storage?.setItem(key(userId), JSON.stringify(check));
    } catch {
      // full or off: the result still shows on the page
    }
  }
}

/**
 * The page's localStorage, or none when the browser refuses it (storage off: nothing is kept).
 *
 * @example
 * new LastChecks(localStorageOf(window));
 */
export function localStorageOf(win: Window): Storage | undefined {
  try {
    return win.localStorage;
  } catch {
    return undefined;
  }
}

const key = (userId: string) => `ringside:setup-check:${userId}`;
