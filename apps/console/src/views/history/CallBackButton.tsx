import { useT } from '../../i18n/I18nProvider';
import type { CallSummary } from '@ringside/contracts';
import { useId } from 'react';
import { useNavigate } from 'react-router';
import { useAppState } from '../../app/ConsoleProvider';
import { dialBlockedReason } from '../../calls/dial-availability';
import { Button } from '../../ui/controls';
import { channelName } from '../../ui/format';
import { callBackOf } from './call-back';

/**
 * **Call back** for a call whose customer the agent may dial: it fills the agent view's New
 * call form with the line and the number or PSID and goes there; the agent presses Call to
 * place it. Disabled, with the reason beside it, when no call can be placed now (the New call
 * form's own rule); absent when this call cannot be called back from here.
 *
 * @example
 * <CallBackButton call={detail} />
 */
export function CallBackButton({
  call,
}: {
  call: Pick<CallSummary, 'channel' | 'state' | 'caller' | 'called'>;
}) {
  const channels = useAppState((s) => s.me?.channels);
  const blocked = useAppState(dialBlockedReason);
  const drafted = useAppState((s) => s.dialDrafted);
  const navigate = useNavigate();
  const reasonId = useId();
  const t = useT();
  const back = callBackOf(call, channels);
  if (!back) return null;

  const callBack = () => {
    drafted(back.draft);
    void navigate('/');
  };

  return (
    <div className="mt-3 flex flex-wrap items-center gap-3">
      <Button
        tone="accept"
        disabled={blocked !== null}
        aria-describedby={reasonId}
        onClick={callBack}
      >
        {t('callBack.button')}
      </Button>
      <p id={reasonId} className="text-sm text-slate-600 dark:text-slate-300">
        {blocked ??
          t('callBack.from', { line: `${channelName(back.from.channel)} · ${back.from.label}` })}
      </p>
    </div>
  );
}
