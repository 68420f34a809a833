import type { CallView } from '@ringside/contracts';
import { useCallback, useSyncExternalStore } from 'react';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/i18n';
import type { ListenIn, ListenMode } from '../../calls/ListenIn';
import { Button } from '../../ui/controls';
import { callerName } from '../../ui/format';

// each way of being in the call: its button's words and accessible name, its status line
const MODES = [
  { mode: 'listen', word: 'sup.listen', label: 'sup.listenLabel', status: 'sup.listening' },
  { mode: 'whisper', word: 'sup.whisper', label: 'sup.whisperLabel', status: 'sup.whispering' },
  { mode: 'barge', word: 'sup.barge', label: 'sup.bargeLabel', status: 'sup.barging' },
] as const satisfies readonly {
  mode: ListenMode;
  word: MessageKey;
  label: MessageKey;
  status: MessageKey;
}[];

/**
 * "Listen in" on an anchored call in progress (the supervisor hears the agent and the customer,
 * neither hears them), "Whisper" (only the agent hears them) or "Barge in" (everyone hears
 * everyone). While in the call, which it is, a button for each other way, and "Leave the call";
 * a refusal in words.
 */
export function ListenControl({ call, listen }: { call: CallView; listen: ListenIn }) {
  const subscribe = useCallback((changed: () => void) => listen.onChange(changed), [listen]);
  const state = useSyncExternalStore(subscribe, () => listen.state);
  const t = useT();
  const who = callerName(call.caller);
  const mine = state.kind !== 'idle' && state.callId === call.id;
  const joining = mine && state.kind === 'joining' ? state.mode : undefined;
  const inCall = mine && state.kind === 'listening' ? state : undefined;
  const status = MODES.find((m) => m.mode === inCall?.mode)?.status;

  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {status ? (
        <span
          role="status"
          className="text-sm font-semibold text-emerald-800 dark:text-emerald-200"
        >
          {t(status)}
        </span>
      ) : null}
      {MODES.filter((m) => m.mode !== inCall?.mode).map((m) => (
        <Button
          key={m.mode}
          tone="neutral"
          className="min-h-9 px-3"
          aria-label={t(m.label, { name: who })}
          disabled={joining !== undefined}
          onClick={() => void listen.start(call.id, { mode: m.mode })}
        >
          {joining === m.mode ? t('sup.listenJoining') : t(m.word)}
        </Button>
      ))}
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
