import { afterEach, describe, expect, it, vi } from 'vitest';
import { TitleFlasher } from './TitleFlasher';

function fakeDocument(hidden: boolean) {
  const listeners = new Set<() => void>();
  const doc = {
    hidden,
    title: 'Ringside',
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
  };
  return {
    doc,
    listeners,
    setHidden(value: boolean) {
      doc.hidden = value;
      for (const listener of listeners) listener();
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('TitleFlasher', () => {
  it('flashes the caller in the title while the tab is hidden, and restores it when seen', () => {
    vi.useFakeTimers();
    const page = fakeDocument(true);
    const flasher = new TitleFlasher(page.doc as unknown as Document);
    flasher.flash('Rahul is calling');
    vi.advanceTimersByTime(1000);
    expect(page.doc.title).toBe('📞 Rahul is calling');
    vi.advanceTimersByTime(1000);
    expect(page.doc.title).toBe('Ringside');
    vi.advanceTimersByTime(1000);
    expect(page.doc.title).toBe('📞 Rahul is calling');
    page.setHidden(false);
    expect(page.doc.title).toBe('Ringside');
    vi.advanceTimersByTime(5000);
    expect(page.doc.title).toBe('Ringside');
  });

  it('leaves a visible tab’s title alone, and stops when the ring stops', () => {
    vi.useFakeTimers();
    const page = fakeDocument(false);
    const flasher = new TitleFlasher(page.doc as unknown as Document);
    flasher.flash('Rahul is calling');
    vi.advanceTimersByTime(3000);
    expect(page.doc.title).toBe('Ringside');
    page.setHidden(true);
    vi.advanceTimersByTime(1000);
    expect(page.doc.title).toBe('📞 Rahul is calling');
    flasher.stop();
    expect(page.doc.title).toBe('Ringside');
    vi.advanceTimersByTime(3000);
    expect(page.doc.title).toBe('Ringside');
    flasher.dispose();
    expect(page.listeners.size).toBe(0);
  });
});
