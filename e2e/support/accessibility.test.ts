import { describe, expect, it } from 'vitest';
import { failingViolations, formatViolations, type Violation } from './accessibility';

const violation = (over: Partial<Violation>): Violation => ({
  id: 'button-name',
  impact: 'critical',
  help: 'Buttons must have discernible text',
  helpUrl: 'https://dequeuniversity.com/rules/axe/4.11/button-name',
  nodes: [{ target: ['#accept'], html: '<button id="accept"></button>' }],
  ...over,
});

describe('failingViolations', () => {
  it('keeps serious and critical, drops moderate, minor and unrated', () => {
    const found = [
      violation({ id: 'a', impact: 'critical' }),
      violation({ id: 'b', impact: 'serious' }),
      violation({ id: 'c', impact: 'moderate' }),
      violation({ id: 'd', impact: 'minor' }),
      violation({ id: 'e', impact: null }),
    ];
    expect(failingViolations(found).map((v) => v.id)).toEqual(['a', 'b']);
  });

  it('passes a view with no violations', () => {
    expect(failingViolations([])).toEqual([]);
  });
});

describe('formatViolations', () => {
  it('names the view, each rule with its impact and help, and the offending elements', () => {
    const report = formatViolations('ringing', [
      violation({}),
      violation({
        id: 'color-contrast',
        impact: 'serious',
        help: 'Elements must meet minimum color contrast ratio thresholds',
        nodes: [
          {
            target: ['.card', 'p'],
            html: '<p class="text-slate-400">+44 7700 900123</p>',
            failureSummary:
              'Fix any of the following:\n  Element has insufficient color contrast of 2.5',
          },
        ],
      }),
    ]);
    expect(report).toContain('ringing: 2 serious or critical accessibility violation(s)');
    expect(report).toContain('- button-name (critical): Buttons must have discernible text');
    expect(report).toContain('#accept  <button id="accept"></button>');
    expect(report).toContain('- color-contrast (serious)');
    expect(report).toContain('.card p  <p class="text-slate-400">+44 7700 900123</p>');
    expect(report).toContain('insufficient color contrast of 2.5');
  });

  it('shortens long HTML and says how many more elements broke the rule', () => {
    const nodes = Array.from({ length: 8 }, (_, i) => ({
      target: [`#row-${i}`],
      html: `<tr id="row-${i}">${'x'.repeat(300)}</tr>`,
    }));
    const report = formatViolations('history', [violation({ nodes })]);
    expect(report).toContain('#row-4');
    expect(report).not.toContain('#row-5');
    expect(report).toContain('… and 3 more');
    expect(report).not.toContain('x'.repeat(200));
  });
});
