import { useId } from 'react';
import { useAppState, useCalling } from '../../app/ConsoleProvider';
import { ringNoticeText } from '../../calls/end-words';
import { useT } from '../../i18n/I18nProvider';
import { SHORTCUT_KEYS } from '../../keyboard/shortcuts';
import type { RingingCall } from '../../state/types';
import { CallSourceLines } from '../../ui/CallSourceLines';
import { Button, ChannelBadge } from '../../ui/controls';
import {
  callerAddress,
  callerName,
  calledLine,
  earlierCallsText,
  formatDuration,
} from '../../ui/format';
import { useNow } from '../../ui/useNow';
import { waitingWords } from '../../ui/waiting-words';
import { TransferOfferCard } from './TransferOfferCard';

/** every call ringing here, oldest first, then the calls colleagues offer to transfer */
export function IncomingCalls() {
  const ringing = useAppState((s) => s.ringing);
  const transferOffers = useAppState((s) => s.transferOffers);
  const cards = Object.values(ringing);
  const offers = Object.values(transferOffers);
  if (cards.length === 0 && offers.length === 0) return null;
  return (
    <div className="space-y-3">
      {cards.map((card) => (
        <IncomingCallCard key={card.callId} card={card} />
      ))}
      {offers.map((offer) => (
        <TransferOfferCard key={offer.callId} offer={offer} />
      ))}
    </div>
  );
}

function IncomingCallCard({ card }: { card: RingingCall }) {
  const calling = useCalling();
  const busy = useAppState((s) => s.current !== null);
  const titleId = useId();
  const t = useT();
  const name = callerName(card.caller);
  const address = callerAddress(card.caller);
  // a queueing line's engine has the caller meanwhile: the card says what they are doing
  const waiting = card.waiting ? waitingWords(card.waiting) : undefined;
  return (
    <article
      aria-labelledby={titleId}
      className={`rounded-xl border-2 bg-white p-4 shadow-md dark:bg-slate-900 ${
        card.notice ? 'border-slate-300 opacity-80 dark:border-slate-700' : 'border-emerald-500'
      }`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="flex items-center gap-2 text-sm font-semibold text-slate-700 dark:text-slate-200">
          <ChannelBadge channel={card.channel} />
          {t('ringing.title')}
          {waiting ? (
            <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">
              {waiting}
            </span>
          ) : null}
        </p>
        <RingTimer since={card.ringingSince} label={waiting ?? t('ringing.timer')} />
      </div>
      <h2 id={titleId} className="mt-2 text-2xl font-bold break-words">
        {name}
      </h2>
      {address !== name ? (
        <p className="text-base text-slate-700 dark:text-slate-200">{address}</p>
      ) : null}
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
        {calledLine(card.channel, card.called)} · {earlierCallsText(card.earlierCalls)}
      </p>
      <CallSourceLines source={card.source} className="mt-2" />
      {card.notice ? (
        <p
          role="status"
          className="mt-3 text-base font-semibold text-slate-800 dark:text-slate-100"
        >
          {ringNoticeText(card.notice)}
        </p>
      ) : (
        <div className="mt-4 flex flex-wrap gap-2">
          <Button
            tone="accept"
            className="flex-1 sm:flex-none"
            disabled={busy}
            aria-keyshortcuts={SHORTCUT_KEYS.accept}
            onClick={() => void calling.calls.accept(card.callId)}
          >
            {t('ringing.accept')}
          </Button>
          <Button
            tone="danger"
            className="flex-1 sm:flex-none"
            aria-keyshortcuts={SHORTCUT_KEYS.decline}
            onClick={() => void calling.ringing.decline(card.callId)}
          >
            {t('ringing.decline')}
          </Button>
        </div>
      )}
    </article>
  );
}

function RingTimer({ since, label }: { since: number; label: string }) {
  const now = useNow(1000);
  return (
    <span
      role="timer"
      aria-label={label}
      className="font-mono text-sm tabular-nums text-slate-600 dark:text-slate-300"
    >
      {formatDuration(now - since)}
    </span>
  );
}
