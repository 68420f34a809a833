import type { CallView } from '@ringside/contracts';
import { useCallback, useSyncExternalStore } from 'react';
import { useT } from '../../i18n/I18nProvider';
import type { ListenIn } from '../../calls/ListenIn';
import { Button } from '../../ui/controls';
import { callerName } from '../../ui/format';

/**
 * "Listen in" on an anchored call in progress (the supervisor hears the agent and the customer,
 * neither hears them) or "Barge in" (everyone hears everyone). While in the call, which it is
 * and "Leave the call"; a refusal in words.
 */
export function ListenControl({ call, listen }: { call: CallView; listen: ListenIn }) {
  const subscribe = useCallback((changed: () => void) => listen.onChange(changed), [listen]);
  const state = useSyncExternalStore(subscribe, () => listen.state);
  const t = useT();
  const who = callerName(call.caller);
  const mine = state.kind !== 'idle' && state.callId === call.id;
  const joining = mine && state.kind === 'joining';
  const inCall = mine && state.kind === 'listening' ? state : undefined;

  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {inCall ? (
        <span
          role="status"
          className="text-sm font-semibold text-emerald-800 dark:text-emerald-200"
        >
          {inCall.barge ? t('sup.barging') : t('sup.listening')}
        </span>
      ) : (
        <Button
          tone="neutral"
          className="min-h-9 px-3"
          aria-label={t('sup.listenLabel', { name: who })}
          disabled={joining}
          onClick={() => void listen.start(call.id)}
        >
          {joining && !state.barge ? t('sup.listenJoining') : t('sup.listen')}
        </Button>
      )}
      {inCall?.barge ? null : (
        <Button
          tone="neutral"
          className="min-h-9 px-3"
          aria-label={t('sup.bargeLabel', { name: who })}
          disabled={joining}
          onClick={() => void listen.start(call.id, { barge: true })}
        >
          {joining && state.barge ? t('sup.listenJoining') : t('sup.barge')}
        </Button>
      )}
      {inCall ? (
        <Button
          tone="neutral"
          className="min-h-9 px-3"
          aria-label={t('sup.stopListeningLabel', { name: who })}
          onClick={() => void listen.stop()}
        >
          {t('sup.stopListening')}
        </Button>
      ) : null}
      {mine && state.kind === 'failed' ? (
        <p role="alert" className="w-full text-right text-sm text-rose-700 dark:text-rose-300">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
