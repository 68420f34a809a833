import { describe, expect, it } from 'vitest';
import { LastChecks, parseLastCheck } from './last-check';
import { lastCheckLine, testedAtWords } from './tested-at';

const CHECK = {
  at: 1_765_000_000_000,
  results: [
    { id: 'microphone' as const, verdict: 'pass' as const, summary: 'We hear you clearly.' },
    {
      id: 'network' as const,
      verdict: 'warn' as const,
      summary: 'Slow.',
      fix: 'Use a cable.',
      figures: ['Round trip: 400 ms'],
    },
  ],
};

function memory() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('LastChecks', () => {
  it('keeps each user’s last check apart', () => {
    const storage = memory();
    const kept = new LastChecks(storage);
    kept.write('u_alex', CHECK);
    expect(kept.read('u_alex')).toEqual(CHECK);
    expect(kept.read('u_sam')).toBeUndefined();
    expect([...storage.items.keys()]).toEqual(['ringside:setup-check:u_alex']);
  });

  it('treats storage that is off or throws as nothing kept', () => {
    expect(new LastChecks(undefined).read('u_alex')).toBeUndefined();
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const kept = new LastChecks(throwing);
    expect(() => kept.write('u_alex', CHECK)).not.toThrow();
    expect(kept.read('u_alex')).toBeUndefined();
  });
});

describe('parseLastCheck', () => {
  it('reads back what was written and refuses anything else', () => {
    expect(parseLastCheck(JSON.stringify(CHECK))).toEqual(CHECK);
    expect(parseLastCheck(null)).toBeUndefined();
    expect(parseLastCheck('{')).toBeUndefined();
    expect(parseLastCheck('{"at":"yesterday","results":[]}')).toBeUndefined();
    expect(
      parseLastCheck('{"at":1,"results":[{"id":"camera","verdict":"pass","summary":"x"}]}'),
    ).toBeUndefined();
    expect(
      parseLastCheck('{"at":1,"results":[{"id":"speaker","verdict":"great","summary":"x"}]}'),
    ).toBeUndefined();
  });
});

describe('testedAtWords and lastCheckLine', () => {
  const now = new Date(2026, 11, 8, 10, 0).getTime();
  it('says today, yesterday or the date', () => {
    expect(testedAtWords(new Date(2026, 11, 8, 9, 12).getTime(), now)).toMatch(/^today at 0?9.12/);
    expect(testedAtWords(new Date(2026, 11, 7, 17, 40).getTime(), now)).toMatch(/^yesterday at /);
    expect(testedAtWords(new Date(2026, 10, 30, 8, 0).getTime(), now)).toMatch(
      /(30.*Nov|Nov.*30).* at /,
    );
  });

  it('sums the last check up in one line', () => {
    expect(lastCheckLine(undefined, now)).toBe('Not tested in this browser yet.');
    const at = new Date(2026, 11, 8, 9, 0).getTime();
    expect(lastCheckLine({ ...CHECK, at }, now)).toMatch(
      /^Last tested today at .*: works, with warnings\.$/,
    );
    expect(lastCheckLine({ at, results: [CHECK.results[0]!] }, now)).toMatch(/: all good\.$/);
    const failed = { id: 'speaker' as const, verdict: 'fail' as const, summary: 'x' };
    expect(lastCheckLine({ at, results: [failed] }, now)).toMatch(/: a problem found\.$/);
    expect(lastCheckLine({ at, results: [failed, { ...failed, id: 'relay' }] }, now)).toMatch(
      /: 2 problems found\.$/,
    );
  });
});
