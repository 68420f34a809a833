import type { DoctorCheck, DoctorReport } from '@ringside/contracts';

const STATUS_WORD = { ok: 'ok', warn: 'warn', fail: 'FAIL' } as const;
const KIND_WORD = { whatsapp: 'WhatsApp', messenger: 'Messenger' } as const;

/**
 * The report as people read it in a terminal: one line per check, grouped by channel (the
 * installation's own checks last), each problem followed by its fix, and the verdict.
 *
 * @example
 * io.stdout(formatReport(report));
 * // WhatsApp · Support line (ch_1)
 * //   FAIL  calling-enabled     Calling is switched off on this number…
 * //         fix: Turn calling on in Admin → Channels → Call settings…
 */
export function formatReport(report: DoctorReport): string {
  const groups = new Map<string, DoctorCheck[]>();
  for (const check of report.checks) {
    const title = check.channel
      ? `${KIND_WORD[check.channel.kind]} · ${check.channel.name} (${check.channel.id})`
      : 'This installation';
    groups.set(title, [...(groups.get(title) ?? []), check]);
  }
  const lines: string[] = [];
  for (const [title, checks] of groups) {
    lines.push(title);
    for (const check of checks) {
      lines.push(
        `  ${STATUS_WORD[check.status].padEnd(5)} ${check.id.padEnd(21)} ${check.message}`,
      );
      if (check.fix !== null && check.status !== 'ok') lines.push(`        fix: ${check.fix}`);
    }
    lines.push('');
  }
  const failed = report.checks.filter((c) => c.status === 'fail').length;
  const warned = report.checks.filter((c) => c.status === 'warn').length;
  const tally = `${failed} failed, ${warned} warning${warned === 1 ? '' : 's'}, ${report.checks.length} checks`;
  lines.push(
    report.callsCanFlow
      ? `Calls can flow (${tally}).`
      : `Calls cannot flow until the failed checks are fixed (${tally}).`,
  );
  return lines.join('\n');
}
