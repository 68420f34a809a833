import { useT } from '../../i18n/I18nProvider';
import type { AdminCallSettingsView, WaCallingSettings } from '@ringside/contracts';
import { useMemo, useState, type FormEvent } from 'react';
import type { ChannelsApi } from '../../api/channels-api';
import { Banner } from '../../ui/controls';
import { HolidayFields, WeeklyHoursFields } from './CallHoursFields';
import {
  checkSettingsForm,
  formFromSettings,
  problemsFrom,
  timeZones,
  type WaSettingsForm,
} from './call-settings-form';
import { FormActions } from './FormActions';
import { SelectField, TextField, type OutcomeMessage } from './fields';
import type { Problems } from './form-check';

/** a WhatsApp number's calling settings, checked as Meta checks them, written to Meta */
export function WaCallSettingsForm({
  api,
  channelId,
  calling,
  caveat,
  onSaved,
  onCancel,
}: {
  api: ChannelsApi;
  channelId: string;
  calling: WaCallingSettings;
  caveat: string;
  onSaved: (view: AdminCallSettingsView) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [form, setForm] = useState<WaSettingsForm>(() =>
    formFromSettings(calling, Intl.DateTimeFormat().resolvedOptions().timeZone),
  );
  const [problems, setProblems] = useState<Problems>({});
  const [outcome, setOutcome] = useState<OutcomeMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const zones = useMemo(() => timeZones(form.timezone), [form.timezone]);
  const set = <K extends keyof WaSettingsForm>(key: K, value: WaSettingsForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const save = async () => {
    const checked = checkSettingsForm(form, new Date());
    if (!checked.ok) {
      setProblems(checked.problems);
      setOutcome({
        kind: 'error',
        text: checked.problems['form'] ?? t('callSettings.checkFields'),
      });
      return;
    }
    setProblems({});
    setOutcome(null);
    setBusy(true);
    const saved = await api.saveCallSettings(channelId, {
      channel: 'whatsapp',
      calling: checked.calling,
    });
    setBusy(false);
    if (saved.ok) {
      onSaved(saved.data);
      return;
    }
    // meta's (or the server's) refusal, next to the fields it names
    const fromServer = problemsFrom(saved.error.issues ?? [], form);
    setProblems(fromServer);
    setOutcome({ kind: 'error', text: fromServer['form'] ?? saved.error.message });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) void save();
  };

  return (
    <form onSubmit={onSubmit} aria-label={t('callSettings.whatsapp')} className="space-y-4">
      <Banner kind="info" title={t('callSettings.withinDays')}>
        {caveat}
      </Banner>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label={t('callSettings.calling')}
          value={form.enabled ? 'ENABLED' : 'DISABLED'}
          onChange={(e) => set('enabled', e.target.value === 'ENABLED')}
          error={problems['enabled']}
        >
          <option value="ENABLED">{t('callSettings.on')}</option>
          <option value="DISABLED">{t('callSettings.off')}</option>
        </SelectField>
        <SelectField
          label={t('callSettings.icon')}
          value={form.iconVisibility}
          onChange={(e) =>
            set('iconVisibility', e.target.value === 'DISABLE_ALL' ? 'DISABLE_ALL' : 'DEFAULT')
          }
          error={problems['iconVisibility']}
        >
          <option value="DEFAULT">{t('callSettings.shown')}</option>
          <option value="DISABLE_ALL">{t('callSettings.hidden')}</option>
        </SelectField>
        <TextField
          label={t('callSettings.countries')}
          hint={t('callSettings.countriesHint')}
          value={form.countries}
          onChange={(e) => set('countries', e.target.value.toUpperCase())}
          error={problems['countries']}
        />
        <SelectField
          label={t('callSettings.callback')}
          hint={t('callSettings.callbackHint')}
          value={form.callback ? 'ENABLED' : 'DISABLED'}
          onChange={(e) => set('callback', e.target.value === 'ENABLED')}
          error={problems['callback']}
        >
          <option value="ENABLED">{t('callSettings.on')}</option>
          <option value="DISABLED">{t('callSettings.off')}</option>
        </SelectField>
        <SelectField
          label={t('callSettings.hours')}
          hint={t('callSettings.hoursHint')}
          value={form.hoursEnabled ? 'ENABLED' : 'DISABLED'}
          onChange={(e) => set('hoursEnabled', e.target.value === 'ENABLED')}
          error={problems['hoursEnabled']}
        >
          <option value="ENABLED">{t('callSettings.on')}</option>
          <option value="DISABLED">{t('callSettings.off')}</option>
        </SelectField>
        <SelectField
          label={t('reports.tz')}
          value={form.timezone}
          onChange={(e) => set('timezone', e.target.value)}
          error={problems['timezone']}
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </SelectField>
      </div>
      <WeeklyHoursFields
        week={form.week}
        problems={problems}
        onChange={(day, ranges) => set('week', { ...form.week, [day]: ranges })}
      />
      <HolidayFields
        holidays={form.holidays}
        problems={problems}
        onChange={(holidays) => set('holidays', holidays)}
      />
      <FormActions
        form={{ busy, outcome }}
        label={t('callSettings.save')}
        busyLabel={t('callSettings.savingToMeta')}
        cancelLabel={t('sim.close')}
        onCancel={onCancel}
      />
    </form>
  );
}
