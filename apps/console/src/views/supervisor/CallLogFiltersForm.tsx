import { useEffect, useState, type FormEvent } from 'react';
import { Button } from '../../ui/controls';
import { OUTCOME_OPTIONS, outcomeName } from '../../ui/format';
import { FIELD_CLASS } from '../admin/fields';
import { rangeProblem } from '../history/history-query';
import { NO_LOG_FILTERS, type CallLogFilters } from './call-log-query';

/** someone a call can be filtered by */
export interface AgentOption {
  id: string;
  name: string;
}

/** date range, channel, outcome, agent and text; applies on Search */
export function CallLogFiltersForm({
  value,
  agents,
  onApply,
}: {
  value: CallLogFilters;
  agents: readonly AgentOption[];
  onApply: (filters: CallLogFilters) => void;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const problem = rangeProblem(draft);
  const set = <K extends keyof CallLogFilters>(key: K, v: CallLogFilters[K]) =>
    setDraft((d) => ({ ...d, [key]: v }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!problem) onApply(draft);
  };

  return (
    <form
      role="search"
      aria-label="Call log"
      onSubmit={submit}
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6"
    >
      <label className="block text-sm font-medium sm:col-span-2">
        Name or number
        <input
          className={FIELD_CLASS}
          type="search"
          value={draft.q}
          maxLength={200}
          onChange={(e) => set('q', e.target.value)}
        />
      </label>
      <label className="block text-sm font-medium">
        Channel
        <select
          className={FIELD_CLASS}
          value={draft.channel}
          onChange={(e) => set('channel', e.target.value as CallLogFilters['channel'])}
        >
          <option value="">All</option>
          <option value="whatsapp">WhatsApp</option>
          <option value="messenger">Messenger</option>
        </select>
      </label>
      <label className="block text-sm font-medium">
        Outcome
        <select
          className={FIELD_CLASS}
          value={draft.outcome}
          onChange={(e) => set('outcome', e.target.value as CallLogFilters['outcome'])}
        >
          <option value="">All</option>
          {OUTCOME_OPTIONS.map((o) => (
            <option key={o} value={o}>
              {outcomeName(o)}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm font-medium sm:col-span-2">
        Agent
        <select
          className={FIELD_CLASS}
          value={draft.agent}
          onChange={(e) => set('agent', e.target.value)}
        >
          <option value="">Everyone</option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm font-medium">
        From
        <input
          className={FIELD_CLASS}
          type="date"
          value={draft.from}
          onChange={(e) => set('from', e.target.value)}
        />
      </label>
      <label className="block text-sm font-medium">
        To
        <input
          className={FIELD_CLASS}
          type="date"
          value={draft.to}
          onChange={(e) => set('to', e.target.value)}
        />
      </label>
      <div className="flex flex-wrap items-end gap-2 sm:col-span-2 lg:col-span-4">
        <Button tone="primary" type="submit" disabled={problem !== undefined}>
          Search
        </Button>
        <Button tone="ghost" onClick={() => onApply(NO_LOG_FILTERS)}>
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
