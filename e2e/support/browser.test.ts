import { describe, expect, it } from 'vitest';
import { chromiumArgs } from './browser';

describe('chromiumArgs', () => {
  it('grants the fake microphone without a prompt by default', () => {
    const args = chromiumArgs('beep');
    expect(args).toContain('--use-fake-ui-for-media-stream');
    expect(args).toContain('--use-fake-device-for-media-stream');
  });

  it('denied: a microphone exists but the permission prompt is refused', () => {
    const args = chromiumArgs('denied');
    expect(args).not.toContain('--use-fake-ui-for-media-stream');
    expect(args).toContain('--use-fake-device-for-media-stream');
  });

  it('lets pages play sound anytime by default; after-gesture leaves that to Chromium', () => {
    const flag = '--autoplay-policy=no-user-gesture-required';
    expect(chromiumArgs('beep')).toContain(flag);
    expect(chromiumArgs('beep', { autoplay: 'anytime' })).toContain(flag);
    const strict = chromiumArgs('denied', { autoplay: 'after-gesture' });
    expect(strict).not.toContain(flag);
    // only that flag goes: the fake devices stay, and so does the microphone setup
    expect(strict).toContain('--use-fake-device-for-media-stream');
    expect(strict).not.toContain('--use-fake-ui-for-media-stream');
    expect(chromiumArgs('beep', { autoplay: 'after-gesture' })).toHaveLength(
      chromiumArgs('beep').length - 1,
    );
  });

  it('plays a WAV as the microphone, and refuses one that does not exist', () => {
    expect(chromiumArgs({ wav: import.meta.filename })).toContain(
      `--use-file-for-fake-audio-capture=${import.meta.filename}`,
    );
    expect(() => chromiumArgs({ wav: '/nonexistent/mic.wav' })).toThrow(/no microphone WAV/);
  });
});
