import type { DoctorCheck, DoctorReport } from '@ringside/contracts';
import { groupChecks, summarize } from './doctor-groups';
import { DOCTOR_WORDS } from './doctor-words';

const BADGE: Record<DoctorCheck['status'], string> = {
  ok: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100',
  warn: 'bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-100',
  fail: 'bg-rose-100 text-rose-950 dark:bg-rose-950 dark:text-rose-100',
};

/**
 * A report as lists, one per channel and one for the installation: each check's status in
 * words (the colour only repeats it), its name, Meta's answer in plain words and, for a
 * problem, how to fix it.
 *
 * @example
 * <DoctorResults report={report} at="10:04:12" />
 */
export function DoctorResults({ report, at }: { report: DoctorReport; at: string }) {
  const { verdict, tally } = summarize(report, at);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <strong className="font-semibold">{verdict}</strong>{' '}
        <span className="text-slate-600 dark:text-slate-300">{tally}</span>
      </p>
      {groupChecks(report).map((group) => (
        <div key={group.key} className="space-y-2">
          <h3 className="font-semibold">{group.title}</h3>
          <ul
            aria-label={DOCTOR_WORDS.groupList(group.title)}
            className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
          >
            {group.checks.map((check) => (
              <li key={`${group.key}-${check.id}`} className="flex gap-3 p-3 text-sm">
                <span
                  className={`h-fit w-16 shrink-0 rounded px-2 py-0.5 text-center text-xs font-semibold ${BADGE[check.status]}`}
                >
                  {DOCTOR_WORDS.status[check.status]}
                </span>
                <div className="min-w-0 space-y-1">
                  <p>
                    <span className="font-medium">{DOCTOR_WORDS.check[check.id]}</span>
                    {': '}
                    {check.message}
                  </p>
                  {check.fix !== null && check.status !== 'ok' ? (
                    <p className="text-slate-700 dark:text-slate-300">
                      <span className="font-medium">{DOCTOR_WORDS.fix}</span> {check.fix}
                    </p>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
