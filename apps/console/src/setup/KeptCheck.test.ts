import { describe, expect, it } from 'vitest';
import { KeptCheck } from './KeptCheck';
import { LastChecks } from './last-check';

const FAILED = {
  at: 1_765_000_000_000,
  results: [{ id: 'microphone' as const, verdict: 'fail' as const, summary: 'Nothing heard.' }],
};

function memory() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('KeptCheck', () => {
  it('shows the signed-in user’s last check from this browser, and nothing after sign-out', () => {
    const stored = new LastChecks(memory());
    stored.write('u_alex', FAILED);
    let userId: string | undefined = 'u_alex';
    const kept = new KeptCheck({ userId: () => userId, stored });
    const seen: unknown[] = [];
    kept.subscribe(() => seen.push(kept.last));
    expect(kept.last).toBeUndefined();
    kept.start();
    expect(kept.last).toEqual(FAILED);
    kept.stop();
    userId = 'u_sam';
    kept.start();
    // another agent at the same desk does not see Alex's failure
    expect(kept.last).toBeUndefined();
    expect(seen).toEqual([FAILED, undefined, undefined]);
  });

  it('keeps a new run for the user and tells whoever listens', () => {
    const stored = new LastChecks(memory());
    const kept = new KeptCheck({ userId: () => 'u_alex', stored });
    kept.start();
    let told = 0;
    const off = kept.subscribe(() => (told += 1));
    kept.keep(FAILED);
    expect(kept.last).toEqual(FAILED);
    expect(stored.read('u_alex')).toEqual(FAILED);
    off();
    kept.keep({ at: FAILED.at + 1, results: [] });
    expect(told).toBe(1);
  });

  it('a stored check it cannot read is no check', () => {
    const storage = memory();
    storage.setItem('ringside:setup-check:u_alex', '{"at":"yesterday"}');
    const kept = new KeptCheck({ userId: () => 'u_alex', stored: new LastChecks(storage) });
    kept.start();
    expect(kept.last).toBeUndefined();
  });
});
