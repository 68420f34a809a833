import { useAppState } from '../../app/ConsoleProvider';
import { useT } from '../../i18n/I18nProvider';
import { richT } from '../../i18n/rich';
import { SHORTCUT_KEYS } from '../../keyboard/shortcuts';
import { ConnectionBanner, MicBanner, ProblemBanner, TabBanner } from './Banners';
import { ConsultPanel } from './ConsultPanel';
import { IncomingCalls } from './IncomingCalls';
import { InCallPanel } from './InCallPanel';
import { NewCallPanel } from './NewCallPanel';
import { PermissionNotices } from './PermissionNotices';
import { SetupEntry, SetupWarningBanner } from './SetupNotices';
import { StatusControl } from './StatusControl';
import { TransferNotice } from './TransferNotice';
import { WrapUpForm } from './WrapUpForm';

/** `/`: the agent's console (the callback worklist has its own page, `/callbacks`) */
export function AgentView() {
  const t = useT();
  return (
    <div className="mx-auto max-w-3xl space-y-4 p-4">
      <h1 className="sr-only">{t('agent.title')}</h1>
      <TabBanner />
      <ConnectionBanner />
      <MicBanner />
      <ProblemBanner />
      <SetupWarningBanner />
      <StatusControl />
      <SetupEntry />
      <TransferNotice />
      <IncomingCalls />
      <ConsultPanel />
      <InCallPanel />
      <WrapUpForm />
      <Waiting />
      <PermissionNotices />
      <NewCallPanel />
    </div>
  );
}

function Waiting() {
  const idle = useAppState(
    (s) =>
      !s.current &&
      !s.wrapUp &&
      !s.consult &&
      Object.keys(s.ringing).length === 0 &&
      Object.keys(s.transferOffers).length === 0,
  );
  const presence = useAppState((s) => s.presence);
  const t = useT();
  if (!idle) return null;
  return (
    <section className="rounded-xl border border-dashed border-slate-300 p-6 text-center dark:border-slate-700">
      <p className="text-base font-medium">
        {presence === 'available' ? t('agent.waiting') : t('agent.chooseAvailable')}
      </p>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        {richT('agent.shortcuts', {
          accept: <kbd>{SHORTCUT_KEYS.accept}</kbd>,
          decline: <kbd>{SHORTCUT_KEYS.decline}</kbd>,
          mute: <kbd>{SHORTCUT_KEYS.mute}</kbd>,
          hangup: <kbd>{SHORTCUT_KEYS.hangup}</kbd>,
        })}
      </p>
    </section>
  );
}
