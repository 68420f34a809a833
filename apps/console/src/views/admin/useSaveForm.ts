import { t } from '../../i18n/i18n';
import { useState, type FormEvent } from 'react';
import type { ApiResult } from '../../api/http';
import type { Problems } from './form-check';
import type { OutcomeMessage } from './fields';

/** a checked form: the request that saves it, or what to fix */
export type SavePlan<T> = Problems | (() => Promise<ApiResult<T>>);

/** what an add or edit form shows while it checks and saves */
export interface SaveForm {
  /** each field's problem, from the last Save */
  problems: Problems;
  outcome: OutcomeMessage | null;
  /** the request is on its way; Save and Cancel wait */
  busy: boolean;
  onSubmit: (event: FormEvent) => void;
}

/**
 * Saves an admin form: on submit `plan` checks the draft; problems mark their fields (with the
 * form's own problem, or "Check the fields marked.", as the outcome), else the request is sent
 * once at a time and `onSaved` gets the reply, or the outcome says why it failed.
 *
 * @example
 * const form = useSaveForm(() => {
 *   const checked = newUserBody(draft);
 *   return checked.ok ? () => apis.users.create(checked.body) : checked.problems;
 * }, onSaved);
 * <form onSubmit={form.onSubmit}>…<TextField error={form.problems['email']} /></form>
 */
export function useSaveForm<T>(plan: () => SavePlan<T>, onSaved: (saved: T) => void): SaveForm {
  const [problems, setProblems] = useState<Problems>({});
  const [outcome, setOutcome] = useState<OutcomeMessage | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const request = plan();
    if (typeof request !== 'function') {
      setProblems(request);
      setOutcome({ kind: 'error', text: request['form'] ?? t('callSettings.checkFields') });
      return;
    }
    setProblems({});
    setOutcome(null);
    setBusy(true);
    const saved = await request();
    setBusy(false);
    if (saved.ok) onSaved(saved.data);
    else setOutcome({ kind: 'error', text: saved.error.message });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) void save();
  };
  return { problems, outcome, busy, onSubmit };
}
