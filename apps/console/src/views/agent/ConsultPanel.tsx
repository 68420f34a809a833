import { useId } from 'react';
import { useAppState, useCalling } from '../../app/ConsoleProvider';
import { useT } from '../../i18n/I18nProvider';
import { Button } from '../../ui/controls';
import { callerName } from '../../ui/format';

/** on a line with the colleague handing this agent a call (a warm transfer), and Leave consult */
export function ConsultPanel() {
  const consult = useAppState((s) => s.consult);
  const calling = useCalling();
  const titleId = useId();
  const t = useT();
  if (!consult) return null;
  const name = consult.from.name.trim() || t('transfer.colleague');
  return (
    <section
      aria-labelledby={titleId}
      className="space-y-3 rounded-xl border-2 border-sky-600 bg-white p-4 shadow-md dark:bg-slate-900"
    >
      <h2 id={titleId} className="text-lg font-semibold">
        {t('transfer.consult.title', { name, customer: callerName(consult.caller) })}
      </h2>
      <p role="status" className="text-sm">
        {consult.phase === 'joining'
          ? t('transfer.consult.joining', { name })
          : t('transfer.consult.talking')}
      </p>
      <Button tone="danger" onClick={() => void calling.transferOffers.leaveConsult()}>
        {t('transfer.consult.leave')}
      </Button>
    </section>
  );
}
