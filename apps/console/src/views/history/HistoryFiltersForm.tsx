import { useT } from '../../i18n/I18nProvider';
import { CallFiltersForm } from './CallFiltersForm';
import type { HistoryFilters } from './history-query';

const NO_FILTERS: HistoryFilters = {
  q: '',
  channel: '',
  outcome: '',
  from: '',
  to: '',
  tag: '',
  cta: '',
};

/** search (name, number) and filters (channel, outcome, dates); applies on Search */
export function HistoryFiltersForm({
  value,
  onApply,
}: {
  value: HistoryFilters;
  onApply: (filters: HistoryFilters) => void;
}) {
  const t = useT();
  return (
    <CallFiltersForm
      label={t('history.title')}
      searchLabel={t('history.search')}
      searchPlaceholder={t('history.searchPlaceholder')}
      value={value}
      cleared={NO_FILTERS}
      onApply={onApply}
      className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      actionsClassName="items-center lg:col-span-6"
    />
  );
}
