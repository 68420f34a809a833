import type { DoctorReport } from '@ringside/contracts';
import { useState } from 'react';
import { Banner, Button } from '../../../ui/controls';
import type { DoctorApi } from './doctor-api';
import { DoctorResults } from './DoctorResults';
import { DOCTOR_WORDS } from './doctor-words';

type Run =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; report: DoctorReport; at: string }
  | { state: 'failed'; message: string };

/**
 * `/admin/checks` (admins): a Run checks button and, once run, the results. The checks ask
 * Meta, so they run only when asked.
 *
 * @example
 * <DoctorSection api={new DoctorApi(rest)} />
 */
export function DoctorSection({ api }: { api: Pick<DoctorApi, 'run'> }) {
  const [run, setRun] = useState<Run>({ state: 'idle' });

  const start = async () => {
    setRun({ state: 'running' });
    const result = await api.run();
    setRun(
      result.ok
        ? { state: 'done', report: result.data, at: new Date().toLocaleTimeString() }
        : { state: 'failed', message: result.error.message },
    );
  };

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600 dark:text-slate-300">{DOCTOR_WORDS.intro}</p>
      <Button tone="primary" disabled={run.state === 'running'} onClick={() => void start()}>
        {run.state === 'running' ? DOCTOR_WORDS.running : DOCTOR_WORDS.run}
      </Button>
      <div aria-live="polite" aria-busy={run.state === 'running'}>
        {run.state === 'idle' ? <p className="text-sm">{DOCTOR_WORDS.notRun}</p> : null}
        {run.state === 'failed' ? (
          <Banner kind="error" title={DOCTOR_WORDS.couldNotRun}>
            {run.message}
          </Banner>
        ) : null}
        {run.state === 'done' ? <DoctorResults report={run.report} at={run.at} /> : null}
      </div>
    </div>
  );
}
