import type { DoctorCheck, DoctorReport } from '@ringside/contracts';
import { DOCTOR_WORDS } from './doctor-words';

/** the checks of one channel (or of the installation), under its title */
export interface DoctorGroup {
  key: string;
  title: string;
  checks: DoctorCheck[];
}

/**
 * The report's checks grouped as the page shows them: each channel in the server's order, then
 * the installation's own checks.
 *
 * @example
 * groupChecks(report).map((g) => g.title); // ['WhatsApp · Support line', 'This installation']
 */
export function groupChecks(report: DoctorReport): DoctorGroup[] {
  const groups = new Map<string, DoctorGroup>();
  const installation: DoctorGroup = {
    key: 'installation',
    title: DOCTOR_WORDS.installation,
    checks: [],
  };
  for (const check of report.checks) {
    if (check.channel === null) {
      installation.checks.push(check);
      continue;
    }
    const { id, kind, name } = check.channel;
    const group = groups.get(id) ?? {
      key: id,
      title: `${DOCTOR_WORDS.kind[kind]} · ${name}`,
      checks: [],
    };
    group.checks.push(check);
    groups.set(id, group);
  }
  return [...groups.values(), ...(installation.checks.length > 0 ? [installation] : [])];
}

/**
 * The verdict and the tally, in words.
 *
 * @example
 * summarize(report, '10:04:12'); // { verdict: 'Calls can flow.', tally: '0 failed, 1 warning, 14 checks — checked 10:04:12' }
 */
export function summarize(report: DoctorReport, at: string): { verdict: string; tally: string } {
  const failed = report.checks.filter((c) => c.status === 'fail').length;
  const warned = report.checks.filter((c) => c.status === 'warn').length;
  return {
    verdict: report.callsCanFlow ? DOCTOR_WORDS.callsCanFlow : DOCTOR_WORDS.callsCannotFlow,
    tally: DOCTOR_WORDS.tally(failed, warned, report.checks.length, at),
  };
}
