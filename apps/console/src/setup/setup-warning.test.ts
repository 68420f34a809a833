import { describe, expect, it } from 'vitest';
import type { CheckResult } from './check-result';
import type { LastCheck } from './last-check';
import { setupWarning, SILENT_WARNING_MS } from './setup-warning';

const micSilent: CheckResult = {
  id: 'microphone',
  verdict: 'fail',
  summary: 'We hear nothing from your microphone (we listened for 4 seconds).',
  fix: 'Check it is not muted on the headset.',
};
const relayWarn: CheckResult = { id: 'relay', verdict: 'warn', summary: 'UDP blocked.' };
const speakerFail: CheckResult = {
  id: 'speaker',
  verdict: 'fail',
  summary: 'You did not hear the test tone.',
};
const check = (...results: CheckResult[]): LastCheck => ({ at: 1_000, results });
const facts = { last: undefined, micSilentForMs: 0, inCall: false };

describe('setupWarning (before Available)', () => {
  it('says nothing when the test was never run and the microphone gives sound: going Available is unchanged', () => {
    expect(setupWarning(facts)).toBeUndefined();
  });

  it('says nothing about a last test that passed or only warned', () => {
    expect(setupWarning({ ...facts, last: check(relayWarn) })).toBeUndefined();
  });

  it('warns with each failure and what to do when the last test failed', () => {
    const warning = setupWarning({ ...facts, last: check(micSilent, relayWarn, speakerFail) });
    expect(warning).toEqual({
      title: 'Your last setup test found a problem',
      lines: [
        'We hear nothing from your microphone (we listened for 4 seconds). Check it is not muted on the headset.',
        'You did not hear the test tone.',
      ],
      testedAt: 1_000,
    });
  });

  it('warns when the open microphone has given nothing for 3 seconds, even never tested', () => {
    expect(setupWarning({ ...facts, micSilentForMs: SILENT_WARNING_MS - 1 })).toBeUndefined();
    const warning = setupWarning({ ...facts, micSilentForMs: SILENT_WARNING_MS });
    expect(warning?.title).toBe('We hear nothing from your microphone');
    expect(warning?.lines).toHaveLength(1);
    expect(warning?.testedAt).toBeUndefined();
  });

  it('does not repeat the microphone twice when it is silent now and failed before', () => {
    const warning = setupWarning({
      ...facts,
      last: check(micSilent, speakerFail),
      micSilentForMs: 10_000,
    });
    expect(warning?.title).toBe('We hear nothing from your microphone');
    expect(warning?.lines).toEqual([
      expect.stringMatching(/^Callers would hear nothing from you/),
      'You did not hear the test tone.',
    ]);
  });

  it('stays out of the way during a call', () => {
    expect(
      setupWarning({ last: check(micSilent), micSilentForMs: 10_000, inCall: true }),
    ).toBeUndefined();
  });
});
