import { useAppState, useServices } from '../../app/ConsoleProvider';
import { Banner, Button } from '../../ui/controls';

const MIC_TITLES = {
  denied: 'Microphone blocked',
  missing: 'No microphone',
  busy: 'Microphone busy',
  error: 'Microphone problem',
} as const;

/** microphone denied or missing: how to fix it; the agent is kept Away until it works */
export function MicBanner() {
  const services = useServices();
  const mic = useAppState((s) => s.mic);
  const message = useAppState((s) => s.micMessage);
  if (mic !== 'denied' && mic !== 'missing' && mic !== 'busy' && mic !== 'error') return null;
  return (
    <Banner
      kind="error"
      title={MIC_TITLES[mic]}
      action={
        <Button tone="neutral" onClick={() => void services.setStatus('available')}>
          Try again
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
  if (tab !== 'other-tab') return null;
  const takeOver = () => {
    if (
      otherInCall &&
      !window.confirm('The other tab is on a call. Taking over ends that call. Take over?')
    )
      return;
    services.takeOver();
  };
  return (
    <Banner
      kind="warning"
      title="Ringside is open in another tab"
      action={
        <Button tone="primary" onClick={takeOver}>
          Take over
        </Button>
      }
    >
      {otherInCall
        ? 'That tab is on a call. Calls ring there, not here.'
        : 'Calls ring in the other tab, not here. Take over to handle calls in this tab.'}
    </Banner>
  );
}

/** the socket is down: calls cannot ring until it is back */
export function ConnectionBanner() {
  const connection = useAppState((s) => s.connection);
  const tab = useAppState((s) => s.tab);
  if (tab !== 'owner') return null;
  if (connection === 'reconnecting') {
    return (
      <Banner kind="warning" title="Reconnecting to Ringside…">
        Calls cannot ring here until the connection is back. A call in progress keeps its audio.
      </Banner>
    );
  }
  if (connection === 'too-many-consoles') {
    return (
      <Banner kind="error" title="Too many Ringside consoles open">
        You have Ringside open on too many other devices or browsers, so calls cannot ring here.
        Close one of them: this page connects by itself once one is closed.
      </Banner>
    );
  }
  if (connection === 'offline') {
    return (
      <Banner kind="error" title="Disconnected from Ringside">
        Reload the page to reconnect.
      </Banner>
    );
  }
  return null;
}

/** the last thing that went wrong, until dismissed */
export function ProblemBanner() {
  const problem = useAppState((s) => s.problem);
  const dismiss = useAppState((s) => s.problemDismissed);
  if (!problem) return null;
  return (
    <Banner
      kind="error"
      title="Something needs your attention"
      action={
        <Button tone="ghost" onClick={() => dismiss(problem.id)}>
          Dismiss
        </Button>
      }
    >
      {problem.message}
    </Banner>
  );
}
