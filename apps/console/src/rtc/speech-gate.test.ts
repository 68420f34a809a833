import { describe, expect, it } from 'vitest';
import { rmsToLevel, SpeechGate, SPEECH_OFF_RMS, SPEECH_ON_RMS } from './speech-gate';

const VOICE = 0.05; // -26 dBFS: ordinary speech into a headset
const ROOM = 0.001; // -60 dBFS: a quiet room
const BETWEEN = (SPEECH_ON_RMS + SPEECH_OFF_RMS) / 2;

function feedEvery50ms(gate: SpeechGate, levels: number[], from = 0): boolean[] {
  return levels.map((rms, i) => gate.feed(rms, from + i * 50));
}

describe('SpeechGate', () => {
  it('counts speech only after 100 ms above the start threshold: a click is not speech', () => {
    const gate = new SpeechGate();
    expect(feedEvery50ms(gate, [VOICE, ROOM, ROOM])).toEqual([false, false, false]);
    expect(feedEvery50ms(gate, [VOICE, VOICE, VOICE], 1000)).toEqual([false, false, true]);
  });

  it('keeps speaking through the pause between words, and stops after 700 ms of quiet', () => {
    const gate = new SpeechGate();
    feedEvery50ms(gate, [VOICE, VOICE, VOICE]);
    expect(gate.speaking).toBe(true);
    // 300 ms gap, then voice again: still one utterance
    expect(feedEvery50ms(gate, [ROOM, ROOM, ROOM, ROOM, ROOM, ROOM, VOICE], 150)).toEqual(
      Array(7).fill(true),
    );
    // 650 ms of quiet: still on; at 700 ms: off
    const quiet = feedEvery50ms(gate, Array(15).fill(ROOM), 500);
    expect(quiet.slice(0, 14).every(Boolean)).toBe(true);
    expect(quiet[14]).toBe(false);
  });

  it('does not flicker for a level between the two thresholds', () => {
    const on = new SpeechGate();
    feedEvery50ms(on, [VOICE, VOICE, VOICE]);
    expect(feedEvery50ms(on, Array(40).fill(BETWEEN), 150).every(Boolean)).toBe(true);

    const off = new SpeechGate();
    expect(feedEvery50ms(off, Array(40).fill(BETWEEN)).some(Boolean)).toBe(false);
  });

  it('reset forgets speech in progress', () => {
    const gate = new SpeechGate();
    feedEvery50ms(gate, [VOICE, VOICE, VOICE]);
    gate.reset();
    expect(gate.speaking).toBe(false);
    expect(gate.feed(VOICE, 1000)).toBe(false);
  });
});

describe('rmsToLevel', () => {
  it('maps -60..0 dBFS onto 0..1, so speech fills a good part of the meter', () => {
    expect(rmsToLevel(0)).toBe(0);
    expect(rmsToLevel(0.0005)).toBe(0);
    expect(rmsToLevel(1)).toBe(1);
    expect(rmsToLevel(2)).toBe(1);
    expect(rmsToLevel(0.1)).toBeCloseTo(2 / 3, 5);
    expect(rmsToLevel(VOICE)).toBeGreaterThan(0.5);
    expect(rmsToLevel(ROOM)).toBeCloseTo(0, 5);
  });
});
