import { Link } from 'react-router';
import { activeRinging } from '../../alerts/RingAlerts';
import { useAppState } from '../../app/ConsoleProvider';
import { useT } from '../../i18n/I18nProvider';
import { t } from '../../i18n/i18n';
import { callerName, dialedParty } from '../../ui/format';
import { waitingWords } from '../../ui/waiting-words';
import type { CurrentCall, RingingCall } from '../../state/types';

/** off the agent view: a ringing call or the call in progress stays one click away */
export function CallStrip() {
  const current = useAppState((s) => s.current);
  const ringing = useAppState((s) => s.ringing);
  const offer = useAppState((s) => Object.values(s.transferOffers)[0]);
  const consult = useAppState((s) => s.consult);
  const first = activeRinging(ringing)[0];
  useT();
  if (!current && !first && !offer && !consult) return null;
  const text = current
    ? ownCallText(current)
    : consult
      ? t('transfer.consult.title', {
          name: consult.from.name,
          customer: callerName(consult.caller),
        })
      : first
        ? ringingText(first)
        : t('transfer.offer.title', { name: offer?.from.name ?? '' });
  return (
    <div
      role="status"
      className="border-b border-emerald-300 bg-emerald-50 px-4 py-2 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/60 dark:text-emerald-100"
    >
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2">
        <span className="font-medium">{text}</span>
        <Link to="/" className="font-semibold underline">
          {current || consult ? t('shell.strip.backToCall') : t('shell.strip.answer')}
        </Link>
      </div>
    </div>
  );
}

// a queued caller is named as calling, with what they are doing meanwhile
function ringingText(card: RingingCall): string {
  const calling = t('shell.strip.calling', { name: callerName(card.caller) });
  return card.waiting ? `${calling} · ${waitingWords(card.waiting)}` : calling;
}

function ownCallText(call: CurrentCall): string {
  if (call.direction === 'inbound')
    return t('shell.strip.onCallWith', { name: callerName(call.caller) });
  const whom = dialedParty(call.caller);
  const live = call.phase === 'active' || call.phase === 'reconnecting';
  return live
    ? t('shell.strip.onCallWith', { name: whom })
    : t('shell.strip.dialing', { name: whom });
}
