import type { DoctorReport } from '@ringside/contracts';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { groupChecks, summarize } from './doctor-groups';
import { DoctorResults } from './DoctorResults';
import { DoctorSection } from './DoctorSection';

const wa = { id: 'ch_1', kind: 'whatsapp' as const, name: 'Support line' };
const page = { id: 'ch_2', kind: 'messenger' as const, name: 'Acme Page' };
const report: DoctorReport = {
  checkedAt: '2026-12-07T10:00:00.000Z',
  callsCanFlow: false,
  checks: [
    { id: 'token', status: 'ok', channel: wa, message: 'Meta accepts the token.', fix: null },
    {
      id: 'calling-enabled',
      status: 'fail',
      channel: wa,
      message: 'Calling is switched off on this number.',
      fix: 'Turn calling on in Admin → Channels → Call settings.',
    },
    { id: 'ring-target', status: 'ok', channel: page, message: 'Rings in Ringside.', fix: null },
    {
      id: 'turn',
      status: 'warn',
      channel: null,
      message: 'No TURN server is configured.',
      fix: 'Set TURN_URLS and TURN_SECRET.',
    },
  ],
};

describe('the Checks section', () => {
  it('groups the checks by channel, the installation last, and says whether calls can flow', () => {
    expect(groupChecks(report).map((g) => [g.title, g.checks.map((c) => c.id)])).toEqual([
      ['WhatsApp · Support line', ['token', 'calling-enabled']],
      ['Messenger · Acme Page', ['ring-target']],
      ['This installation', ['turn']],
    ]);
    expect(summarize(report, '10:00:00')).toEqual({
      verdict: 'Calls cannot flow until the failed checks are fixed.',
      tally: '1 failed, 1 warning, 4 checks — checked 10:00:00',
    });
  });

  it('names each list and gives each check its status in words, the fix under a problem', () => {
    // react's markers between adjacent texts are not what anyone reads
    const html = renderToString(<DoctorResults report={report} at="10:00:00" />).replaceAll(
      '<!-- -->',
      '',
    );
    expect(html).toContain('aria-label="WhatsApp · Support line: check results"');
    expect(html).toContain('aria-label="This installation: check results"');
    expect(html).toMatch(/>Failed<\/span>.*Calling on<\/span>: Calling is switched off/s);
    expect(html).toMatch(/>Warning<\/span>.*TURN server<\/span>: No TURN server/s);
    expect(html).toContain('How to fix:</span> Turn calling on');
    // an ok check shows no fix
    expect(html.match(/How to fix:/g)).toHaveLength(2);
  });

  it('before a run: the Run checks button and a note that nothing ran yet', () => {
    const html = renderToString(<DoctorSection api={{ run: () => new Promise(() => {}) }} />);
    expect(html).toContain('>Run checks</button>');
    expect(html).toContain('The checks have not been run yet.');
  });
});
