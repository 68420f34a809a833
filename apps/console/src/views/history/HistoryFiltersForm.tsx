import { useEffect, useState, type FormEvent } from 'react';
import { Button } from '../../ui/controls';
import { OUTCOME_OPTIONS, outcomeName } from '../../ui/format';
import { rangeProblem, type HistoryFilters } from './history-query';

const FIELD =
  'mt-1 block w-full rounded-lg border border-slate-300 bg-white px-2 py-2 text-sm dark:border-slate-600 dark:bg-slate-800';

/** search (name, number) and filters (channel, outcome, dates); applies on Search */
export function HistoryFiltersForm({
  value,
  onApply,
}: {
  value: HistoryFilters;
  onApply: (filters: HistoryFilters) => void;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const problem = rangeProblem(draft);
  const set = <K extends keyof HistoryFilters>(key: K, v: HistoryFilters[K]) =>
    setDraft((d) => ({ ...d, [key]: v }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!problem) onApply(draft);
  };

  return (
    <form
      role="search"
      aria-label="Call history"
      onSubmit={submit}
      className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6 dark:border-slate-800 dark:bg-slate-900"
    >
      <label className="block text-sm font-medium sm:col-span-2">
        Search
        <input
          className={FIELD}
          type="search"
          placeholder="Name or number"
          value={draft.q}
          maxLength={200}
          onChange={(e) => set('q', e.target.value)}
        />
      </label>
      <label className="block text-sm font-medium">
        Channel
        <select
          className={FIELD}
          value={draft.channel}
          onChange={(e) => set('channel', e.target.value as HistoryFilters['channel'])}
        >
          <option value="">All</option>
          <option value="whatsapp">WhatsApp</option>
          <option value="messenger">Messenger</option>
        </select>
      </label>
      <label className="block text-sm font-medium">
        Outcome
        <select
          className={FIELD}
          value={draft.outcome}
          onChange={(e) => set('outcome', e.target.value as HistoryFilters['outcome'])}
        >
          <option value="">All</option>
          {OUTCOME_OPTIONS.map((o) => (
            <option key={o} value={o}>
              {outcomeName(o)}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm font-medium">
        From
        <input
          className={FIELD}
          type="date"
          value={draft.from}
          onChange={(e) => set('from', e.target.value)}
        />
      </label>
      <label className="block text-sm font-medium">
        To
        <input
          className={FIELD}
          type="date"
          value={draft.to}
          onChange={(e) => set('to', e.target.value)}
        />
      </label>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-6">
        <Button tone="primary" type="submit" disabled={problem !== undefined}>
          Search
        </Button>
        <Button
          tone="ghost"
          onClick={() => onApply({ q: '', channel: '', outcome: '', from: '', to: '' })}
        >
          Clear filters
        </Button>
        {problem ? (
          <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
            {problem}
          </p>
        ) : null}
      </div>
    </form>
  );
}
