import { useT } from '../../i18n/I18nProvider';
import type { AdminCallSettingsView, AdminChannelView } from '@ringside/contracts';
import { useEffect, useState } from 'react';
import type { ChannelsApi } from '../../api/channels-api';
import { Banner, Button } from '../../ui/controls';
import { FormActions } from './FormActions';
import { SelectField, type OutcomeMessage } from './fields';
import { WaCallSettingsForm } from './WaCallSettingsForm';

type Loaded =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; view: AdminCallSettingsView };

/** a channel's call settings as Meta has them, and the editor for what Meta lets us change */
export function CallSettingsEditor({
  api,
  channel,
  onClose,
}: {
  api: ChannelsApi;
  channel: AdminChannelView;
  onClose: () => void;
}) {
  const t = useT();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    let live = true;
    void api.callSettings(channel.id).then((result) => {
      if (!live) return;
      setLoaded(
        result.ok
          ? { state: 'ready', view: result.data }
          : { state: 'error', message: result.error.message },
      );
    });
    return () => {
      live = false;
    };
  }, [api, channel.id]);

  const onSaved = (view: AdminCallSettingsView) => {
    setLoaded({ state: 'ready', view });
    setSaved(true);
  };

  return (
    <section aria-label={t('callSettings.of', { label: channel.label })} className="space-y-3">
      <h3 className="text-sm font-semibold">{t('channel.callSettings')}</h3>
      {loaded.state === 'loading' ? (
        <p role="status" className="text-sm">
          {t('callSettings.reading')}
        </p>
      ) : loaded.state === 'error' ? (
        <>
          <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
            {t('callSettings.readFailed', { message: loaded.message })}
          </p>
          <Button tone="ghost" onClick={onClose}>
            {t('sim.close')}
          </Button>
        </>
      ) : (
        <>
          {saved ? (
            <p role="status" className="text-sm font-medium text-emerald-800 dark:text-emerald-200">
              {t('callSettings.saved')}
            </p>
          ) : null}
          {loaded.view.channel === 'whatsapp' ? (
            <WaCallSettingsForm
              // a fresh form from what Meta read back after each save
              key={JSON.stringify(loaded.view.calling)}
              api={api}
              channelId={channel.id}
              calling={loaded.view.calling}
              caveat={loaded.view.caveat}
              onSaved={onSaved}
              onCancel={onClose}
            />
          ) : (
            <PageCallSettings
              api={api}
              channelId={channel.id}
              view={loaded.view}
              onSaved={onSaved}
              onCancel={onClose}
            />
          )}
        </>
      )}
    </section>
  );
}

/** a Page: the call icon (all Meta's API writes), and the ring-target warning */
function PageCallSettings({
  api,
  channelId,
  view,
  onSaved,
  onCancel,
}: {
  api: ChannelsApi;
  channelId: string;
  view: Extract<AdminCallSettingsView, { channel: 'messenger' }>;
  onSaved: (view: AdminCallSettingsView) => void;
  onCancel: () => void;
}) {
  const [icon, setIcon] = useState(view.iconEnabled !== false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<OutcomeMessage | null>(null);
  const t = useT();
  const save = async () => {
    setBusy(true);
    setOutcome(null);
    const result = await api.saveCallSettings(channelId, {
      channel: 'messenger',
      icon_enabled: icon,
    });
    setBusy(false);
    if (result.ok) onSaved(result.data);
    else setOutcome({ kind: 'error', text: result.error.message });
  };
  return (
    <form
      aria-label={t('callSettings.messenger')}
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void save();
      }}
    >
      {view.ringTargetWarning ? (
        <Banner kind="warning" title={t('callSettings.notReaching')}>
          {view.ringTargetWarning}
        </Banner>
      ) : null}
      <SelectField
        label={t('callSettings.messengerIcon')}
        hint={t('callSettings.messengerIconHint')}
        value={icon ? 'shown' : 'hidden'}
        onChange={(e) => setIcon(e.target.value === 'shown')}
      >
        <option value="shown">{t('callSettings.shown')}</option>
        <option value="hidden">{t('callSettings.hidden')}</option>
      </SelectField>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {t('callSettings.ringTarget', {
          target: view.ringTarget ?? t('callSettings.notReported'),
        })}
      </p>
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
