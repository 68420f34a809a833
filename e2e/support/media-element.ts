import type { Locator } from 'playwright-core';

/**
 * The length in seconds Chromium finds when it loads an `<audio>` element's source: it decoded
 * the file's header. Rejects with the media error when the browser cannot.
 *
 * @example
 * expect(await loadedDuration(page.getByLabel('Call recording'))).toBeGreaterThan(1);
 */
export function loadedDuration(audio: Locator): Promise<number> {
  return audio.evaluate(
    (el: HTMLAudioElement) =>
      new Promise<number>((resolve, reject) => {
        const done = () => resolve(el.duration);
        if (el.readyState >= 1 && Number.isFinite(el.duration)) done();
        el.addEventListener('loadedmetadata', done, { once: true });
        el.addEventListener('error', () => reject(new Error(`media error ${el.error?.code}`)), {
          once: true,
        });
        el.load();
      }),
  );
}
