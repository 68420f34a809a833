import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue, Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** the impacts that fail a view (issue #14: zero serious or critical violations) */
const FAILING: readonly ImpactValue[] = ['serious', 'critical'];

/** how many offending elements a report lists per rule before saying how many more */
const NODES_SHOWN = 5;

/** the part of an axe violation a report needs (so the formatting is testable without a browser) */
export type Violation = Pick<Result, 'id' | 'impact' | 'help' | 'helpUrl'> & {
  nodes: { target: readonly unknown[]; html: string; failureSummary?: string }[];
};

let axeSource: string | undefined;

/** axe-core's browser bundle, read once */
function readAxeSource(): string {
  if (axeSource === undefined) {
    const require = createRequire(import.meta.url);
    axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  }
  return axeSource;
}

/** the violations that fail a view: serious or critical, in the order axe found them */
export function failingViolations<V extends Pick<Violation, 'impact'>>(
  violations: readonly V[],
): V[] {
  return violations.filter((v) => v.impact != null && FAILING.includes(v.impact));
}

/**
 * A readable report of the violations: one block per rule (id, impact, what to do, the rule's
 * page) with the offending elements' selectors and HTML (shortened), for a failing test.
 */
export function formatViolations(view: string, violations: readonly Violation[]): string {
  const lines = [`${view}: ${violations.length} serious or critical accessibility violation(s)`];
  for (const v of violations) {
    lines.push(`- ${v.id} (${v.impact ?? 'unknown'}): ${v.help} — ${v.helpUrl}`);
    for (const node of v.nodes.slice(0, NODES_SHOWN)) {
      const html = node.html.length > 160 ? `${node.html.slice(0, 157)}...` : node.html;
      lines.push(`    ${node.target.map(String).join(' ')}  ${html}`);
      const why = node.failureSummary
        ?.split('\n')
        .slice(1)
        .map((line) => line.trim())
        .filter(Boolean)
        .join('; ');
      if (why) lines.push(`      ${why}`);
    }
    if (v.nodes.length > NODES_SHOWN) lines.push(`    … and ${v.nodes.length - NODES_SHOWN} more`);
  }
  return lines.join('\n');
}

/**
 * Runs axe-core over the page as it is on screen and throws a readable list when any rule is
 * broken at serious or critical impact (moderate and minor are left to review).
 *
 * @example
 * await alex.waitForRinging('Rahul Mehta');
 * await expectAccessible(alex.page, 'ringing');
 */
export async function expectAccessible(page: Page, view: string): Promise<void> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // evaluated, not added as a <script>: the console's Content-Security-Policy forbids inline scripts
  if (!loaded) await page.evaluate(readAxeSource());
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } })
      .axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String),
        html: n.html,
        failureSummary: n.failureSummary,
      })),
    }));
  });
  const failing = failingViolations(violations);
  if (failing.length > 0) throw new Error(formatViolations(view, failing));
}
