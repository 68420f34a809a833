import { describe, expect, it } from 'vitest';
import { auditedChanges } from './audit-changes';

describe('auditedChanges', () => {
  it('keeps plain values and names the secrets without their values', () => {
    const result = auditedChanges(
      { label: 'Acme', accessToken: 'EAAG-secret-token-value', ringTimeoutSec: 30, enabled: false },
      ['accessToken'],
    );
    expect(result).toEqual({
      changes: { label: 'Acme', ringTimeoutSec: 30, enabled: false },
      secretsChanged: ['accessToken'],
    });
    expect(JSON.stringify(result)).not.toContain('EAAG-secret-token-value');
  });

  it('leaves out fields that were not given', () => {
    expect(
      auditedChanges({ name: undefined, role: 'admin', password: undefined }, ['password']),
    ).toEqual({
      changes: { role: 'admin' },
      secretsChanged: [],
    });
  });

  it('keeps string lists and null, drops objects it cannot vouch for', () => {
    expect(
      auditedChanges(
        {
          events: ['call.ended', '*'],
          description: null,
          nested: { secret: 'x' },
          mixed: ['a', 1],
        },
        [],
      ),
    ).toEqual({ changes: { events: ['call.ended', '*'], description: null }, secretsChanged: [] });
  });

  it('treats a secret cleared with null as changed', () => {
    expect(auditedChanges({ appSecret: null }, ['appSecret'])).toEqual({
      changes: {},
      secretsChanged: ['appSecret'],
    });
  });
});
