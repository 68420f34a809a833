import { describe, expect, it } from 'vitest';
import { MicLevel } from './MicLevel';

describe('MicLevel', () => {
  it('rises at once with the voice and falls back over a fraction of a second', () => {
    const mic = new MicLevel();
    expect(mic.feed(0.1, 0).level).toBeCloseTo(2 / 3, 5);
    const after200 = mic.feed(0, 200).level;
    expect(after200).toBeLessThan(2 / 3);
    expect(after200).toBeGreaterThan(0.3);
    expect(mic.feed(0, 1500).level).toBeLessThan(0.05);
  });

  it('says speaking once the voice has lasted, with the level', () => {
    const mic = new MicLevel();
    mic.feed(0.05, 0);
    mic.feed(0.05, 50);
    expect(mic.feed(0.05, 100)).toMatchObject({ rms: 0.05, speaking: true });
    mic.reset();
    expect(mic.feed(0, 150)).toEqual({ rms: 0, level: 0, speaking: false });
  });
});
