import type { Locator } from 'playwright-core';

/**
 * Starts recording what a live region says: its text after each change, as a screen reader
 * would be handed it. Returns a reader of the texts heard so far (empty texts left out, since
 * clearing a region says nothing).
 *
 * @example
 * const heard = await listenTo(page.getByRole('status', { name: 'Incoming calls' }));
 * // ... a call rings, its timer ticks ...
 * expect(await heard()).toEqual(['Incoming WhatsApp call from Rahul Mehta, +447700900123']);
 */
export async function listenTo(region: Locator): Promise<() => Promise<string[]>> {
  const key = `__heard_${Math.random().toString(36).slice(2)}`;
  await region.evaluate((el, k) => {
    const heard: string[] = [];
    (window as unknown as Record<string, string[]>)[k] = heard;
    new MutationObserver(() => {
      const text = el.textContent?.trim() ?? '';
      if (text) heard.push(text);
    }).observe(el, { childList: true, subtree: true, characterData: true });
  }, key);
  return () =>
    region
      .page()
      .evaluate((k) => [...((window as unknown as Record<string, string[]>)[k] ?? [])], key);
}
