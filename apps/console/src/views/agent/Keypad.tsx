import { useT } from '../../i18n/I18nProvider';
import { useAppState, useCalling } from '../../app/ConsoleProvider';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/** a phone keypad sending DTMF (RFC 4733 telephone-event) on the call */
export function Keypad({ id }: { id: string }) {
  const calling = useCalling();
  const sent = useAppState((s) => s.current?.dtmfSent ?? '');
  const t = useT();
  return (
    <div id={id} className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <p aria-live="polite" className="mb-2 min-h-7 text-center font-mono text-lg tracking-widest">
        <span className="sr-only">{t('keypad.sent')}</span>
        {sent}
      </p>
      <div
        role="group"
        aria-label={t('keypad.digits')}
        className="mx-auto grid max-w-64 grid-cols-3 gap-2"
      >
        {KEYS.map((key) => (
          <button
            key={key}
            type="button"
            className="min-h-12 rounded-lg bg-slate-100 text-xl font-semibold hover:bg-slate-200 dark:bg-slate-800 dark:hover:bg-slate-700"
            onClick={() => calling.calls.sendDtmf(key)}
          >
            {key}
          </button>
        ))}
      </div>
    </div>
  );
}
