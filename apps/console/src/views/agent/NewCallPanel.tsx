import type { DialableChannel } from '@ringside/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useAppState, useCalling } from '../../app/ConsoleProvider';
import { dialBlockedReason } from '../../calls/dial-availability';
import { dialNoticeTitle } from '../../calls/dial-words';
import type { DialNotice } from '../../state/types';
import { useT } from '../../i18n/I18nProvider';
import { Button } from '../../ui/controls';
import { channelName } from '../../ui/format';

const FIELD =
  'mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base dark:border-slate-600 dark:bg-slate-800';

const NOTICE_STYLE: Record<DialNotice['kind'], string> = {
  invalid:
    'border-rose-300 bg-rose-50 text-rose-950 dark:border-rose-800 dark:bg-rose-950/60 dark:text-rose-100',
  refused:
    'border-rose-300 bg-rose-50 text-rose-950 dark:border-rose-800 dark:bg-rose-950/60 dark:text-rose-100',
  ended:
    'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100',
  'permission-requested':
    'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950/60 dark:text-sky-100',
};

/** the channel as the agent picks it: "WhatsApp · +1 555 010 0001", "Messenger · Acme Support" */
function channelOption(channel: DialableChannel): string {
  return `${channelName(channel.channel)} · ${channel.label}`;
}

/**
 * New call: the channel to call from (a choice only when there are several), the customer's
 * number (WhatsApp) or PSID (Messenger), and Call — disabled, with the reason beside it, when a
 * call cannot be placed now. What became of the last attempt shows below, as an alert. A
 * Call back from History arrives as a draft: the form fills in its line and number, takes the
 * focus to its heading, and waits for the agent to press Call.
 */
export function NewCallPanel() {
  const calling = useCalling();
  const channels = useAppState((s) => s.me?.channels);
  const blocked = useAppState(dialBlockedReason);
  const notice = useAppState((s) => s.dialNotice);
  const dismiss = useAppState((s) => s.dialNoticeDismissed);
  const draft = useAppState((s) => s.dialDraft);
  const takeDraft = useAppState((s) => s.dialDraftTaken);
  const [chosenId, setChosenId] = useState(draft?.channelId ?? '');
  const [typed, setTyped] = useState(draft?.to ?? '');
  const [filledFrom, setFilledFrom] = useState(draft);
  // a draft that comes while the form shows fills it too, once (state adjusted while rendering)
  if (draft && draft !== filledFrom) {
    setFilledFrom(draft);
    setChosenId(draft.channelId);
    setTyped(draft.to);
  }
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!draft) return;
    takeDraft(draft);
    // the form sits low on the page: bring it into view, announced by its name
    heading.current?.focus();
  }, [draft, takeDraft]);
  const titleId = useId();
  const channelFieldId = useId();
  const fieldId = useId();
  const hintId = useId();
  const reasonId = useId();
  const noticeId = useId();
  const t = useT();
  if (!channels) return null;
  const from = channels.find((c) => c.id === chosenId) ?? channels[0];
  const invalid = notice?.kind === 'invalid';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!from || blocked) return;
    void calling.calls.dial(from.id, typed);
  };

  return (
    <section
      aria-labelledby={titleId}
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id={titleId} ref={heading} tabIndex={-1} className="text-base font-semibold">
        {t('newCall.title')}
      </h2>
      {!from ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{t('newCall.noChannel')}</p>
      ) : (
        <form className="mt-3 space-y-3" onSubmit={submit} noValidate>
          {channels.length > 1 ? (
            <div>
              {/* a label beside, not around, the select: its name stays "Call from" alone */}
              <label htmlFor={channelFieldId} className="block text-sm font-medium">
                {t('newCall.from')}
              </label>
              <select
                id={channelFieldId}
                className={FIELD}
                value={from.id}
                onChange={(e) => setChosenId(e.target.value)}
              >
                {channels.map((c) => (
                  <option key={c.id} value={c.id}>
                    {channelOption(c)}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <p className="text-sm text-slate-700 dark:text-slate-200">
              {t('newCall.callingFrom', { line: channelOption(from) })}
            </p>
          )}
          <div>
            <label htmlFor={fieldId} className="block text-sm font-medium">
              {from.channel === 'whatsapp' ? t('newCall.phone') : t('newCall.psid')}
            </label>
            <input
              id={fieldId}
              className={FIELD}
              type={from.channel === 'whatsapp' ? 'tel' : 'text'}
              inputMode={from.channel === 'whatsapp' ? 'tel' : 'numeric'}
              autoComplete={from.channel === 'whatsapp' ? 'tel' : 'off'}
              spellCheck={false}
              maxLength={64}
              value={typed}
              aria-invalid={invalid || undefined}
              aria-describedby={invalid ? `${hintId} ${noticeId}` : hintId}
              onChange={(e) => setTyped(e.target.value)}
            />
            <p id={hintId} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              {from.channel === 'whatsapp' ? t('newCall.phoneHint') : t('newCall.psidHint')}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <Button
              tone="accept"
              type="submit"
              disabled={blocked !== null}
              aria-describedby={blocked ? reasonId : undefined}
            >
              {t('newCall.call')}
            </Button>
            {blocked ? (
              <p id={reasonId} className="text-sm text-slate-600 dark:text-slate-300">
                {blocked}
              </p>
            ) : null}
          </div>
        </form>
      )}
      {notice ? (
        <div
          id={noticeId}
          role="alert"
          className={`mt-3 flex flex-wrap items-start gap-3 rounded-lg border p-3 text-sm ${NOTICE_STYLE[notice.kind]}`}
        >
          <div className="min-w-0 flex-1">
            <p className="font-semibold">{dialNoticeTitle(notice.kind)}</p>
            <p className="mt-1">{notice.message}</p>
          </div>
          <Button tone="ghost" onClick={() => dismiss(notice.id)}>
            {t('banner.dismiss')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
