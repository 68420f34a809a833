import { useT } from '../../i18n/I18nProvider';
import type { Channel } from '@ringside/contracts';
import type { ReportBucket } from '@ringside/contracts/reports';
import { useMemo, useState, type FormEvent } from 'react';
import type { ReportRequest } from '../../api/reports-api';
import { Button } from '../../ui/controls';
import { SelectField, TextField } from '../admin/fields';
import { rangeProblem } from './report-words';

/** the zones the browser knows, with the chosen one first in line if it is missing */
function zonesWith(chosen: string): string[] {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([chosen, 'UTC', ...known])].sort();
}

/** range, channel, hour or day, time zone; applies on Show */
export function ReportForm({
  value,
  onApply,
}: {
  value: ReportRequest;
  onApply: (request: ReportRequest) => void;
}) {
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<string>();
  const zones = useMemo(() => zonesWith(value.tz), [value.tz]);
  const t = useT();
  const set = <K extends keyof ReportRequest>(key: K, next: ReportRequest[K]) =>
    setDraft((d) => ({ ...d, [key]: next }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const wrong = rangeProblem(draft.from, draft.to, draft.bucket);
    setProblem(wrong);
    if (!wrong) onApply(draft);
  }

  return (
    <form
      role="search"
      aria-label={t('reports.form')}
      onSubmit={submit}
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6"
    >
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
      <SelectField
        label={t('filters.channel')}
        value={draft.channel ?? ''}
        onChange={(e) => {
          const channel = e.target.value as Channel | '';
          setDraft(({ channel: _old, ...rest }) => (channel ? { ...rest, channel } : rest));
        }}
      >
        <option value="">{t('reports.allChannels')}</option>
        <option value="whatsapp">WhatsApp</option>
        <option value="messenger">Messenger</option>
      </SelectField>
      <SelectField
        label={t('reports.per')}
        value={draft.bucket}
        onChange={(e) => set('bucket', e.target.value as ReportBucket)}
      >
        <option value="day">{t('reports.day')}</option>
        <option value="hour">{t('reports.hour')}</option>
      </SelectField>
      <SelectField
        label={t('reports.tz')}
        value={draft.tz}
        onChange={(e) => set('tz', e.target.value)}
      >
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </SelectField>
      <div className="flex items-end">
        <Button type="submit" className="min-h-10 px-4">
          {t('reports.show')}
        </Button>
      </div>
      {problem ? (
        <p
          role="alert"
          className="text-sm font-medium text-rose-700 sm:col-span-2 lg:col-span-6 dark:text-rose-300"
        >
          {problem}
        </p>
      ) : null}
    </form>
  );
}
