import type { Locator, Page } from 'playwright-core';

/** how wide the page is against its viewport: wider means the agent scrolls sideways */
export interface PageWidth {
  /** `document.documentElement.scrollWidth` */
  scrollWidth: number;
  /** the viewport's width */
  viewportWidth: number;
  /** elements that reach past the viewport's right edge, deepest first (for failure messages) */
  overflowing: string[];
}

/** where a control sits with the page scrolled one way, as the agent would see it */
export interface Placement {
  /** how it was scrolled into view: at the top, middle or bottom edge of the viewport */
  scrolledTo: 'start' | 'center' | 'end';
  /** its box in viewport coordinates */
  box: { x: number; y: number; width: number; height: number };
  /** the whole box lies inside the viewport */
  inViewport: boolean;
  /** what lies on top of some part of it (centre or a quarter in from a corner); null: nothing */
  coveredBy: string | null;
}

/**
 * Measures whether the page scrolls sideways, naming the elements that stick out.
 *
 * @example
 * const width = await pageWidth(page);
 * expect(width.scrollWidth).toBeLessThanOrEqual(360);
 */
export function pageWidth(page: Page): Promise<PageWidth> {
  return page.evaluate(() => {
    const viewportWidth = window.innerWidth;
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const overflowing = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > viewportWidth + 0.5)
      .reverse()
      .slice(0, 5)
      .map(describe);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      viewportWidth,
      overflowing,
    };
  });
}

/**
 * Scrolls a control to the top, the middle and the bottom of the viewport in turn (where the
 * page lets it), as an agent scrolling about would see it, and reports each time whether it is
 * all on screen and whether something (a floating button, a drawer) lies on top of any part of
 * it. Playwright's click only tries the centre, and retries at other scroll positions, so it
 * alone would not notice a field half hidden at the bottom of the screen.
 *
 * @example
 * const places = await placements(alex.button('Accept'));
 * expect(places.filter((p) => p.coveredBy !== null)).toEqual([]);
 */
export async function placements(control: Locator): Promise<Placement[]> {
  await control.waitFor();
  const found = await control.evaluate((el) =>
    (['start', 'center', 'end'] as const).map((block) => {
      el.scrollIntoView({ block, inline: 'nearest' });
      const rect = el.getBoundingClientRect();
      const points = [
        [0.5, 0.5],
        [0.25, 0.25],
        [0.75, 0.25],
        [0.25, 0.75],
        [0.75, 0.75],
      ].map(([fx = 0, fy = 0]) => [rect.left + rect.width * fx, rect.top + rect.height * fy]);
      const hits = points.map(([x = 0, y = 0]) => document.elementFromPoint(x, y));
      const foreign = hits.find((hit) => hit === null || !el.contains(hit));
      const describe = (node: Element | null) =>
        node === null
          ? 'nothing (off screen)'
          : `${node.tagName.toLowerCase()} "${(node.textContent ?? '').trim().slice(0, 40)}"`;
      return {
        scrolledTo: block,
        box: { x: rect.left, y: rect.top, width: rect.width, height: rect.height },
        // a pixel of slack: scrolling lands on whole pixels, boxes do not
        inViewport:
          rect.left >= -1 &&
          rect.top >= -1 &&
          rect.right <= window.innerWidth + 1 &&
          rect.bottom <= window.innerHeight + 1,
        coveredBy: foreign === undefined ? null : describe(foreign),
      };
    }),
  );
  await control.scrollIntoViewIfNeeded();
  return found;
}
