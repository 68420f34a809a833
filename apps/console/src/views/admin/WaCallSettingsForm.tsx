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
      setOutcome({ kind: 'error', text: checked.problems['form'] ?? 'Check the fields marked.' });
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
    <form onSubmit={onSubmit} aria-label="WhatsApp call settings" className="space-y-4">
      <Banner kind="info" title="Changes reach WhatsApp apps within days">
        {caveat}
      </Banner>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Calling"
          value={form.enabled ? 'ENABLED' : 'DISABLED'}
          onChange={(e) => set('enabled', e.target.value === 'ENABLED')}
          error={problems['enabled']}
        >
          <option value="ENABLED">On</option>
          <option value="DISABLED">Off</option>
        </SelectField>
        <SelectField
          label="Call icon"
          value={form.iconVisibility}
          onChange={(e) =>
            set('iconVisibility', e.target.value === 'DISABLE_ALL' ? 'DISABLE_ALL' : 'DEFAULT')
          }
          error={problems['iconVisibility']}
        >
          <option value="DEFAULT">Shown</option>
          <option value="DISABLE_ALL">Hidden</option>
        </SelectField>
        <TextField
          label="Show the call icon only in these countries"
          hint="Two-letter codes separated by commas (IN, BR); empty for every country."
          value={form.countries}
          onChange={(e) => set('countries', e.target.value.toUpperCase())}
          error={problems['countries']}
        />
        <SelectField
          label="Callback permission"
          hint="When on, a customer who calls you allows you to call them back."
          value={form.callback ? 'ENABLED' : 'DISABLED'}
          onChange={(e) => set('callback', e.target.value === 'ENABLED')}
          error={problems['callback']}
        >
          <option value="ENABLED">On</option>
          <option value="DISABLED">Off</option>
        </SelectField>
        <SelectField
          label="Call hours"
          hint="When on, customers’ calls reach you only in these hours."
          value={form.hoursEnabled ? 'ENABLED' : 'DISABLED'}
          onChange={(e) => set('hoursEnabled', e.target.value === 'ENABLED')}
          error={problems['hoursEnabled']}
        >
          <option value="ENABLED">On</option>
          <option value="DISABLED">Off</option>
        </SelectField>
        <SelectField
          label="Time zone"
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
        label="Save call settings"
        busyLabel="Saving to Meta…"
        cancelLabel="Close"
        onCancel={onCancel}
      />
    </form>
  );
}
