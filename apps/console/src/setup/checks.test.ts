import { describe, expect, it } from 'vitest';
import { worstVerdict } from './check-result';
import { judgeMicrophone, MIN_SPEECH_MS } from './microphone-check';
import { judgeSpeaker, toneNotPlayed } from './speaker-check';

describe('judgeMicrophone', () => {
  it('fails a microphone that gives nothing at all, saying where to look', () => {
    const result = judgeMicrophone({ peakRms: 0, speakingMs: 0, listenedMs: 4000 });
    expect(result.verdict).toBe('fail');
    expect(result.summary).toBe(
      'We hear nothing from your microphone (we listened for 4 seconds).',
    );
    expect(result.fix).toMatch(
      /not muted on the headset.*pick another microphone under Microphone/,
    );
  });

  it('warns when there is sound but no speech: a quiet room, or the agent did not speak', () => {
    const room = judgeMicrophone({ peakRms: 0.002, speakingMs: 0, listenedMs: 4000 });
    expect(room.verdict).toBe('warn');
    expect(room.summary).toBe('Your microphone works, but we barely heard you speak.');
    const blip = judgeMicrophone({ peakRms: 0.2, speakingMs: MIN_SPEECH_MS - 1, listenedMs: 4000 });
    expect(blip.verdict).toBe('warn');
  });

  it('passes once speech was heard long enough, with nothing to do', () => {
    const result = judgeMicrophone({ peakRms: 0.3, speakingMs: MIN_SPEECH_MS, listenedMs: 4000 });
    expect(result).toEqual({ id: 'microphone', verdict: 'pass', summary: 'We hear you clearly.' });
  });

  it('puts the silence boundary at -80 dBFS and the speech one at -40 dBFS', () => {
    const at = (peakRms: number) =>
      judgeMicrophone({ peakRms, speakingMs: 1000, listenedMs: 4000 }).verdict;
    expect(at(0.000099)).toBe('fail');
    expect(at(0.0001)).toBe('warn');
    expect(at(0.0099)).toBe('warn');
    expect(at(0.01)).toBe('pass');
  });
});

describe('judgeSpeaker', () => {
  it('takes the agent at their word', () => {
    expect(judgeSpeaker(true).verdict).toBe('pass');
    const no = judgeSpeaker(false);
    expect(no.verdict).toBe('fail');
    expect(no.summary).toMatch(/would not hear callers/);
    expect(no.fix).toMatch(/pick another speaker under Speaker/);
  });

  it('fails when the tone could not be played, with the reason first', () => {
    const result = toneNotPlayed('That speaker could not be used.');
    expect(result.verdict).toBe('fail');
    expect(result.fix).toMatch(/^That speaker could not be used\. Pick another speaker/);
  });
});

describe('worstVerdict', () => {
  it('ranks fail over warn over pass over info', () => {
    expect(worstVerdict([])).toBe('pass');
    expect(worstVerdict(['info'])).toBe('pass');
    expect(worstVerdict(['pass', 'warn', 'info'])).toBe('warn');
    expect(worstVerdict(['fail', 'warn'])).toBe('fail');
  });
});
