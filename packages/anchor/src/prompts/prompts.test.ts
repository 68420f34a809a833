import { readFileSync } from 'node:fs';
import { OpusCodec, readOggPages } from '@ringside/meta-sim';
import { describe, expect, it } from 'vitest';
import {
  PROMPT_TEXT_COMMENT,
  PROMPTS,
  placePrompt,
  promptDurationMs,
  promptPath,
  type PromptName,
} from './prompts';

const SAMPLE_RATE = 48_000;

describe('the engine’s prompts', () => {
  for (const [name, text] of Object.entries(PROMPTS) as [PromptName, string][]) {
    it(`${name}: a whole Ogg Opus file that says its current text out loud`, () => {
      const pages = readOggPages(readFileSync(promptPath(name)));
      expect(pages.every((page) => page.crcOk)).toBe(true);
      // rendered from today's text (scripts/make-prompts.ts writes it into the comments)
      const tags = pages[1]?.packets[0]?.toString('utf8') ?? '';
      expect(tags).toContain(`${PROMPT_TEXT_COMMENT}=${text}`);

      const codec = new OpusCodec();
      const levels: number[] = [];
      let samples = 0;
      for (const packet of pages.slice(2).flatMap((page) => page.packets)) {
        const pcm = codec.decode(packet) ?? new Int16Array();
        let sum = 0;
        for (const value of pcm) sum += (value / 32768) ** 2;
        levels.push(Math.sqrt(sum / Math.max(1, pcm.length)));
        samples += pcm.length / 2;
      }
      codec.close();
      const seconds = samples / SAMPLE_RATE;
      // about two words a second, as espeak-ng speaks at 150 a minute
      const words = text.split(/\s+/).length;
      expect(seconds).toBeGreaterThan(words / 3);
      expect(seconds).toBeLessThan(words / 1.5 + 1);
      // speech: most 20 ms frames carry voice, and they are loud enough to hear
      const voiced = levels.filter((level) => level > 0.02).length;
      expect(voiced / levels.length).toBeGreaterThan(0.5);
      expect(Math.max(...levels)).toBeGreaterThan(0.1);
    });
  }
});

describe('a queued caller’s place', () => {
  it('names places one to five, and one prompt for anything further back', () => {
    expect([0, 1, 2, 5, 6, 40].map(placePrompt)).toEqual([
      'queue-place-1',
      'queue-place-1',
      'queue-place-2',
      'queue-place-5',
      'queue-place-more',
      'queue-place-more',
    ]);
  });

  it('times each prompt by its file: the greeting is longer than a place, within a frame of its samples', () => {
    expect(promptDurationMs('queue-greeting')).toBeGreaterThan(promptDurationMs('queue-place-2'));
    expect(promptDurationMs('queue-place-1')).toBeGreaterThan(1000);
    expect(promptDurationMs('queue-place-1')).toBeLessThan(4000);
  });
});
