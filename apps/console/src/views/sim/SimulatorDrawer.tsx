import { useT } from '../../i18n/I18nProvider';
import type { Channel } from '@ringside/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useServices } from '../../app/ConsoleProvider';
import { Button } from '../../ui/controls';

const FIELD =
  'mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base dark:border-slate-600 dark:bg-slate-800';

/**
 * The simulator drawer (only when the server runs the Meta simulator): places an inbound
 * WhatsApp or Messenger call with a caller name, so everything can be tried from `pnpm start`.
 */
export function SimulatorDrawer({ onClose }: { onClose: () => void }) {
  const t = useT();
  const services = useServices();
  const [channel, setChannel] = useState<Channel>('whatsapp');
  const [name, setName] = useState('Rahul');
  const [tag, setTag] = useState('');
  const [ctaPayload, setCtaPayload] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const titleId = useId();
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    first.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const caller = name.trim();
    if (!caller) {
      setResult({ ok: false, text: t('sim.noName') });
      return;
    }
    setBusy(true);
    const source =
      channel === 'whatsapp'
        ? {
            ...(tag.trim() ? { tag: tag.trim() } : {}),
            ...(ctaPayload.trim() ? { ctaPayload: ctaPayload.trim() } : {}),
          }
        : {};
    const placed = await services.sim.placeCall(channel, caller, source);
    setBusy(false);
    setResult(
      placed.ok
        ? {
            ok: true,
            // Meta's Messenger webhooks carry no caller name: say what the card will show
            text:
              channel === 'whatsapp'
                ? t('sim.callingWhatsapp', { name: caller })
                : t('sim.callingMessenger', { name: caller }),
          }
        : { ok: false, text: placed.error.message },
    );
  };

  return (
    <aside
      role="dialog"
      aria-labelledby={titleId}
      className="fixed inset-x-0 bottom-0 z-20 max-h-[80vh] overflow-y-auto rounded-t-2xl border border-slate-200 bg-white p-4 shadow-2xl sm:inset-x-auto sm:right-4 sm:bottom-4 sm:w-96 sm:rounded-2xl dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex items-center justify-between">
        <h2 id={titleId} className="text-lg font-semibold">
          {t('sim.title')}
        </h2>
        <Button tone="ghost" className="min-h-9 px-2" onClick={onClose}>
          {t('sim.close')}
        </Button>
      </div>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{t('sim.intro')}</p>
      <form className="mt-4 space-y-3" onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend className="text-sm font-medium">{t('sim.channel')}</legend>
          <div className="mt-1 flex gap-4">
            {(['whatsapp', 'messenger'] as const).map((value) => (
              <label key={value} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="sim-channel"
                  value={value}
                  checked={channel === value}
                  onChange={() => setChannel(value)}
                />
                {value === 'whatsapp' ? 'WhatsApp' : 'Messenger'}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="block text-sm font-medium">
          {t('sim.callerName')}
          <input
            ref={first}
            className={FIELD}
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        {channel === 'whatsapp' ? (
          // folded: the drawer stays small enough not to cover the call card's controls
          <details className="text-sm">
            <summary className="cursor-pointer font-medium">{t('sim.fromLink')}</summary>
            <label className="mt-2 block text-sm font-medium">
              {t('sim.tag')}
              <input
                className={FIELD}
                value={tag}
                maxLength={64}
                onChange={(e) => setTag(e.target.value)}
              />
            </label>
            <label className="block text-sm font-medium">
              {t('sim.cta')}
              <input
                className={FIELD}
                value={ctaPayload}
                maxLength={512}
                onChange={(e) => setCtaPayload(e.target.value)}
              />
            </label>
          </details>
        ) : null}
        <Button tone="primary" type="submit" disabled={busy} className="w-full">
          {busy ? t('sim.placing') : t('sim.place')}
        </Button>
        {result ? (
          <p
            role={result.ok ? 'status' : 'alert'}
            className={`text-sm ${result.ok ? 'text-emerald-800 dark:text-emerald-200' : 'text-rose-700 dark:text-rose-300'}`}
          >
            {result.text}
          </p>
        ) : null}
      </form>
    </aside>
  );
}
