import { useT } from '../../i18n/I18nProvider';
import { richT } from '../../i18n/rich';
import type { Callback } from '@ringside/contracts';
import { useId } from 'react';
import { useNavigate } from 'react-router';
import type { CallbacksApi } from '../../api/callbacks-api';
import { useAppState } from '../../app/ConsoleProvider';
import { dialBlockedReason } from '../../calls/dial-availability';
import { Button } from '../../ui/controls';
import { callerAddress, callerName, calledLine } from '../../ui/format';
import { useNow } from '../../ui/useNow';
import { callBackOf } from '../history/call-back';
import { agoText, claimOf, permissionText, triesText } from './callback-words';
import { CallbackVoicemail } from './CallbackVoicemail';
import { useCallbacks } from './useCallbacks';

/**
 * Callbacks: the customers who called the agent's lines and were missed, one row per customer
 * and line, oldest first. The agent says "I'll call back" (colleagues then see who has it),
 * places the call with **Call back** (the New call form's own flow, with its permission
 * notices), and marks it Done; Release hands it back. A caller who left a voicemail (a queued
 * caller nobody reached in time) has it on their row to play. Read every 15 s and after each
 * action.
 *
 * @example
 * <CallbacksPanel api={new CallbacksApi(rest)} />
 */
export function CallbacksPanel({ api }: { api: CallbacksApi }) {
  // a call that stopped ringing here (perhaps missed) or the agent's call ending: read again
  const calls = useAppState((s) => `${s.current?.callId ?? ''}:${Object.keys(s.ringing).length}`);
  const { items, problem, act } = useCallbacks(api, calls);
  const titleId = useId();
  const t = useT();
  if (!items) return null;

  return (
    <section
      aria-labelledby={titleId}
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id={titleId} className="text-base font-semibold">
        {t('callbacks.title')}
      </h2>
      {problem ? (
        <p role="alert" className="mt-2 text-sm text-rose-700 dark:text-rose-300">
          {problem}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{t('callbacks.none')}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200 dark:divide-slate-800">
          {items.map((item) => (
            <CallbackRow
              key={item.callId}
              item={item}
              act={act}
              voicemailUrl={item.voicemail ? api.voicemailUrl(item.callId) : undefined}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function CallbackRow({
  item,
  act,
  voicemailUrl,
}: {
  item: Callback;
  act: (action: 'claim' | 'release' | 'done', callId: string) => Promise<void>;
  /** where the voicemail the caller left plays from; absent when they left none */
  voicemailUrl: string | undefined;
}) {
  const me = useAppState((s) => s.me);
  const blocked = useAppState(dialBlockedReason);
  const drafted = useAppState((s) => s.dialDrafted);
  const navigate = useNavigate();
  const now = useNow(30_000);
  const rowId = useId();
  const t = useT();
  const claim = claimOf(item, me?.id);
  const permission = useAppState((s) => permissionText(item, s.permissionNotices, now));
  const back = callBackOf({ ...item, state: 'ended' }, me?.channels);
  const name = callerName(item.caller);
  const address = callerAddress(item.caller);

  return (
    <li aria-labelledby={rowId} className="flex flex-wrap items-center justify-between gap-3 py-3">
      <div className="min-w-0">
        <p id={rowId} className="font-medium">
          {name}
          {address !== name ? (
            <span className="ml-2 text-sm text-slate-600 dark:text-slate-400">{address}</span>
          ) : null}
        </p>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {richT('callbacks.row', {
            line: calledLine(item.channel, item.called),
            tries: triesText(item.tries),
            ago: (
              <time dateTime={item.lastMissedAt}>
                {agoText(now - Date.parse(item.lastMissedAt))}
              </time>
            ),
          })}
          {claim === 'mine' ? t('callbacks.mine') : null}
          {typeof claim === 'object' ? t('callbacks.theirs', { name: claim.by }) : null}
          {permission ? ` · ${permission}` : null}
        </p>
        {voicemailUrl ? <CallbackVoicemail who={name} src={voicemailUrl} /> : null}
      </div>
      <div className="flex flex-wrap gap-2">
        {claim === 'open' ? (
          <Button onClick={() => void act('claim', item.callId)}>{t('callbacks.claim')}</Button>
        ) : null}
        {claim === 'mine' ? (
          <>
            {back ? (
              <Button
                tone="accept"
                disabled={blocked !== null}
                title={blocked ?? undefined}
                onClick={() => {
                  // the New call form on the console, filled in, as History's Call back does
                  drafted(back.draft);
                  void navigate('/');
                }}
              >
                {t('callBack.button')}
              </Button>
            ) : null}
            <Button onClick={() => void act('done', item.callId)}>{t('callbacks.done')}</Button>
            <Button onClick={() => void act('release', item.callId)}>
              {t('callbacks.release')}
            </Button>
          </>
        ) : null}
      </div>
    </li>
  );
}
