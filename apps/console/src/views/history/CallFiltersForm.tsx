import { useT } from '../../i18n/I18nProvider';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '../../ui/controls';
import { OUTCOME_OPTIONS, outcomeName } from '../../ui/format';
import { SelectField, TextField } from '../admin/fields';
import { rangeProblem, type HistoryFilters } from './history-query';

/** sets one filter of the draft */
export type SetFilter<F> = <K extends keyof F>(key: K, value: F[K]) => void;

/**
 * The call filters the history page and the supervisor's call log share: name or number,
 * channel, outcome, any `extra` fields, and a date range. Nothing applies until Search, which a
 * backwards date range disables (saying why); Clear filters applies `cleared` at once.
 *
 * @example
 * <CallFiltersForm label="Call history" searchLabel="Search" value={filters} cleared={NO_FILTERS} onApply={apply} />
 */
export function CallFiltersForm<F extends HistoryFilters>({
  label,
  searchLabel,
  searchPlaceholder,
  value,
  cleared,
  onApply,
  extra,
  className = '',
  actionsClassName,
}: {
  /** the search landmark's name */
  label: string;
  searchLabel: string;
  searchPlaceholder?: string;
  value: F;
  cleared: F;
  onApply: (filters: F) => void;
  /** fields between the outcome and the dates */
  extra?: (draft: F, set: SetFilter<F>) => ReactNode;
  className?: string;
  /** where the buttons sit in the grid */
  actionsClassName: string;
}) {
  const [draft, setDraft] = useState(value);
  const t = useT();
  useEffect(() => setDraft(value), [value]);
  const problem = rangeProblem(draft);
  const set: SetFilter<F> = (key, v) => setDraft((d) => ({ ...d, [key]: v }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!problem) onApply(draft);
  };

  return (
    <form
      role="search"
      aria-label={label}
      onSubmit={submit}
      className={`grid gap-3 sm:grid-cols-2 lg:grid-cols-6 ${className}`}
    >
      <TextField
        label={searchLabel}
        className="sm:col-span-2"
        type="search"
        placeholder={searchPlaceholder}
        value={draft.q}
        maxLength={200}
        onChange={(e) => set('q', e.target.value)}
      />
      <SelectField
        label={t('filters.channel')}
        value={draft.channel}
        onChange={(e) => set('channel', e.target.value as HistoryFilters['channel'])}
      >
        <option value="">{t('filters.all')}</option>
        <option value="whatsapp">WhatsApp</option>
        <option value="messenger">Messenger</option>
      </SelectField>
      <SelectField
        label={t('filters.outcome')}
        value={draft.outcome}
        onChange={(e) => set('outcome', e.target.value as HistoryFilters['outcome'])}
      >
        <option value="">{t('filters.all')}</option>
        {OUTCOME_OPTIONS.map((o) => (
          <option key={o} value={o}>
            {outcomeName(o)}
          </option>
        ))}
      </SelectField>
      {extra?.(draft, set)}
      <TextField
        label={t('filters.said')}
        value={draft.said ?? ''}
        maxLength={200}
        onChange={(e) => set('said', e.target.value)}
      />
      <TextField
        label={t('filters.tag')}
        value={draft.tag}
        maxLength={512}
        onChange={(e) => set('tag', e.target.value)}
      />
      <TextField
        label={t('filters.cta')}
        value={draft.cta}
        maxLength={512}
        onChange={(e) => set('cta', e.target.value)}
      />
      <TextField
        label={t('filters.from')}
        type="date"
        value={draft.from}
        onChange={(e) => set('from', e.target.value)}
      />
      <TextField
        label={t('filters.to')}
        type="date"
        value={draft.to}
        onChange={(e) => set('to', e.target.value)}
      />
      <div className={`flex flex-wrap gap-2 sm:col-span-2 ${actionsClassName}`}>
        <Button tone="primary" type="submit" disabled={problem !== undefined}>
          {t('history.search')}
        </Button>
        <Button tone="ghost" onClick={() => onApply(cleared)}>
          {t('filters.clear')}
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
