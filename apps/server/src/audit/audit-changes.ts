import type { AuditValue } from '@ringside/contracts';

/** What an audit entry keeps of a request body: plain values, and the names of secrets. */
export interface AuditedChanges {
  changes: Record<string, AuditValue>;
  secretsChanged: string[];
}

/**
 * Splits a change into what the audit log may keep: plain fields with their new values, and
 * the names only of `secretFields` that were given. Undefined fields (not changed) are left out;
 * anything that is not a plain value is left out rather than risk storing a secret.
 *
 * @example
 * auditedChanges({ label: 'Acme', accessToken: 'EAAG…', ringTimeoutSec: 30 }, ['accessToken']);
 * // { changes: { label: 'Acme', ringTimeoutSec: 30 }, secretsChanged: ['accessToken'] }
 */
export function auditedChanges(
  body: Record<string, unknown>,
  secretFields: readonly string[],
): AuditedChanges {
  const changes: Record<string, AuditValue> = {};
  const secretsChanged: string[] = [];
  for (const [field, value] of Object.entries(body)) {
    if (value === undefined) continue;
    if (secretFields.includes(field)) {
      secretsChanged.push(field);
      continue;
    }
    const plain = plainValue(value);
    if (plain !== undefined) changes[field] = plain;
  }
  return { changes, secretsChanged };
}

function plainValue(value: unknown): AuditValue | undefined {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  return undefined;
}
