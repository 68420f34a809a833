import { useT } from '../../i18n/I18nProvider';
import { SelectField } from '../admin/fields';
import { CallFiltersForm } from '../history/CallFiltersForm';
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
  const t = useT();
  return (
    <CallFiltersForm
      label={t('log.title')}
      searchLabel={t('log.searchLabel')}
      value={value}
      cleared={NO_LOG_FILTERS}
      onApply={onApply}
      extra={(draft, set) => (
        <SelectField
          label={t('log.agent')}
          className="sm:col-span-2"
          value={draft.agent}
          onChange={(e) => set('agent', e.target.value)}
        >
          <option value="">{t('log.everyone')}</option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </SelectField>
      )}
      actionsClassName="items-end lg:col-span-4"
    />
  );
}
