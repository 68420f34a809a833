import { useId, useState, type FormEvent } from 'react';
import { useAppState, useServices } from '../../app/ConsoleProvider';
import { useT } from '../../i18n/I18nProvider';
import { Button, ChannelBadge } from '../../ui/controls';
import { DISPOSITIONS } from '../../ui/dispositions';
import { callerName, formatDuration } from '../../ui/format';

const FIELD =
  'mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base dark:border-slate-600 dark:bg-slate-800';

/** after a call: notes and a disposition, then Save */
export function WrapUpForm() {
  const wrapUp = useAppState((s) => s.wrapUp);
  if (!wrapUp) return null;
  // a fresh form per call: notes typed for one call never carry over to the next
  return <WrapUpFields key={wrapUp.callId} />;
}

function WrapUpFields() {
  const services = useServices();
  const wrapUp = useAppState((s) => s.wrapUp);
  const close = useAppState((s) => s.wrapUpClosed);
  const [notes, setNotes] = useState('');
  const [disposition, setDisposition] = useState<string>(DISPOSITIONS[0].value);
  const titleId = useId();
  const t = useT();
  if (!wrapUp) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void services.saveWrapUp(notes, disposition);
  };

  return (
    <section
      aria-labelledby={titleId}
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id={titleId} className="text-lg font-semibold">
        {t('wrapUp.title', { name: callerName(wrapUp.caller) })}
      </h2>
      <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-300">
        <ChannelBadge channel={wrapUp.channel} />
        <span>{wrapUp.message}</span>
        {wrapUp.durationSec !== undefined ? (
          <span>· {formatDuration(wrapUp.durationSec * 1000)}</span>
        ) : null}
      </p>
      <form className="mt-4 space-y-3" onSubmit={submit}>
        <label className="block text-sm font-medium">
          {t('wrapUp.disposition')}
          <select
            className={FIELD}
            value={disposition}
            onChange={(e) => setDisposition(e.target.value)}
          >
            {DISPOSITIONS.map((d) => (
              <option key={d.value} value={d.value}>
                {t(d.label)}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {t('wrapUp.notes')}
          <textarea
            className={`${FIELD} min-h-28`}
            value={notes}
            maxLength={10_000}
            onChange={(e) => setNotes(e.target.value)}
          />
        </label>
        {wrapUp.error ? (
          <p role="alert" className="text-sm font-medium text-rose-700 dark:text-rose-300">
            {t('wrapUp.notSaved', { error: wrapUp.error })}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button tone="primary" type="submit" disabled={wrapUp.saving}>
            {wrapUp.saving ? t('wrapUp.saving') : t('wrapUp.save')}
          </Button>
          <Button tone="ghost" disabled={wrapUp.saving} onClick={() => close(wrapUp.callId)}>
            {t('wrapUp.skip')}
          </Button>
        </div>
      </form>
    </section>
  );
}
