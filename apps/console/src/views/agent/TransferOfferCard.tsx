import { useId } from 'react';
import { useAppState, useCalling } from '../../app/ConsoleProvider';
import { useT } from '../../i18n/I18nProvider';
import type { TransferOffer } from '../../state/types';
import { Button, ChannelBadge } from '../../ui/controls';
import { callerAddress, callerName, calledLine } from '../../ui/format';

/**
 * a colleague offers this agent their call (to them, or to a queue of theirs): who from, the
 * customer, Accept and Decline
 */
export function TransferOfferCard({ offer }: { offer: TransferOffer }) {
  const calling = useCalling();
  const busy = useAppState((s) => s.current !== null || s.consult !== null);
  const titleId = useId();
  const t = useT();
  const name = callerName(offer.caller);
  const address = callerAddress(offer.caller);
  const from = offer.from.name.trim() || t('transfer.colleague');
  return (
    <article
      aria-labelledby={titleId}
      className="rounded-xl border-2 border-emerald-500 bg-white p-4 shadow-md dark:bg-slate-900"
    >
      <p className="flex items-center gap-2 text-sm font-semibold text-slate-700 dark:text-slate-200">
        <ChannelBadge channel={offer.channel} />
        {t('transfer.offer.title', { name: from })}
      </p>
      {offer.queue ? (
        <p className="mt-1 text-sm font-medium text-slate-700 dark:text-slate-200">
          {t('transfer.offer.queue', { line: offer.queue.name })}
        </p>
      ) : null}
      <h2 id={titleId} className="mt-2 text-2xl font-bold break-words">
        {name}
      </h2>
      {address !== name ? (
        <p className="text-base text-slate-700 dark:text-slate-200">{address}</p>
      ) : null}
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
        {calledLine(offer.channel, offer.called)}
      </p>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-200">
        {offer.mode === 'warm'
          ? t('transfer.offer.warm', { name: from })
          : t('transfer.offer.cold')}
      </p>
      <div className="mt-4 flex flex-wrap gap-2">
        <Button
          tone="accept"
          className="flex-1 sm:flex-none"
          disabled={busy || offer.accepting}
          onClick={() => void calling.transferOffers.accept(offer.callId)}
        >
          {t('transfer.accept')}
        </Button>
        <Button
          tone="danger"
          className="flex-1 sm:flex-none"
          disabled={offer.accepting}
          onClick={() => void calling.transferOffers.decline(offer.callId)}
        >
          {t('transfer.decline')}
        </Button>
      </div>
    </article>
  );
}
