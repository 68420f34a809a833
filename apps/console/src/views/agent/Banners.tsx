import { useAppState, useCalling, useServices } from '../../app/ConsoleProvider';
import { useT } from '../../i18n/I18nProvider';
import { Banner, Button } from '../../ui/controls';

const MIC_TITLES = {
  denied: 'banner.mic.denied',
  missing: 'banner.mic.missing',
  busy: 'banner.mic.busy',
  error: 'banner.mic.error',
} as const;

/** microphone denied or missing: how to fix it; the agent is kept Away until it works */
export function MicBanner() {
  const calling = useCalling();
  const mic = useAppState((s) => s.mic);
  const message = useAppState((s) => s.micMessage);
  const t = useT();
  if (mic !== 'denied' && mic !== 'missing' && mic !== 'busy' && mic !== 'error') return null;
  return (
    <Banner
      kind="error"
      title={t(MIC_TITLES[mic])}
      action={
        <Button tone="neutral" onClick={() => void calling.setStatus('available')}>
          {t('banner.tryAgain')}
        </Button>
      }
    >
      {message}
    </Banner>
  );
}

/** another tab of this agent handles calls; this one can take over */
export function TabBanner() {
  const services = useServices();
  const tab = useAppState((s) => s.tab);
  const otherInCall = useAppState((s) => s.otherTabInCall);
  const t = useT();
  if (tab !== 'other-tab') return null;
  const takeOver = () => {
    if (otherInCall && !window.confirm(t('banner.tab.confirm'))) return;
    services.takeOver();
  };
  return (
    <Banner
      kind="warning"
      title={t('banner.tab.title')}
      action={
        <Button tone="primary" onClick={takeOver}>
          {t('banner.tab.takeOver')}
        </Button>
      }
    >
      {otherInCall ? t('banner.tab.otherInCall') : t('banner.tab.other')}
    </Banner>
  );
}

/** the socket is down: calls cannot ring until it is back */
export function ConnectionBanner() {
  const connection = useAppState((s) => s.connection);
  const tab = useAppState((s) => s.tab);
  const t = useT();
  if (tab !== 'owner') return null;
  if (connection === 'reconnecting') {
    return (
      <Banner kind="warning" title={t('banner.reconnecting.title')}>
        {t('banner.reconnecting.body')}
      </Banner>
    );
  }
  if (connection === 'too-many-consoles') {
    return (
      <Banner kind="error" title={t('banner.tooMany.title')}>
        {t('banner.tooMany.body')}
      </Banner>
    );
  }
  if (connection === 'offline') {
    return (
      <Banner kind="error" title={t('banner.offline.title')}>
        {t('banner.offline.body')}
      </Banner>
    );
  }
  return null;
}

/** the last thing that went wrong, until dismissed */
export function ProblemBanner() {
  const problem = useAppState((s) => s.problem);
  const dismiss = useAppState((s) => s.problemDismissed);
  const t = useT();
  if (!problem) return null;
  return (
    <Banner
      kind="error"
      title={t('banner.problem.title')}
      action={
        <Button tone="ghost" onClick={() => dismiss(problem.id)}>
          {t('banner.dismiss')}
        </Button>
      }
    >
      {problem.message}
    </Banner>
  );
}
