import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/i18n';
import { useEffect, useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useAppState } from '../../app/ConsoleProvider';
import { useLastCheck, useMicActivity, useSetupState } from '../../app/setup-hooks';
import type { CheckId, CheckResult, Verdict } from '../../setup/check-result';
import type { SetupCheck } from '../../setup/SetupCheck';
import { testedAtWords } from '../../setup/tested-at';
import { Button } from '../../ui/controls';
import { DevicePicker } from '../agent/DevicePicker';
import { MicMeter } from './MicMeter';

const TITLES: Record<CheckId, MessageKey> = {
  microphone: 'setup.check.microphone',
  speaker: 'setup.check.speaker',
  relay: 'setup.check.relay',
  network: 'setup.check.network',
};

const VERDICT_WORDS: Record<Verdict, MessageKey> = {
  pass: 'setup.verdict.pass',
  warn: 'setup.verdict.warn',
  fail: 'setup.verdict.fail',
  info: 'setup.verdict.info',
};

const VERDICT_STYLE: Record<Verdict, string> = {
  pass: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100',
  warn: 'bg-amber-100 text-amber-950 dark:bg-amber-900/60 dark:text-amber-100',
  fail: 'bg-rose-100 text-rose-950 dark:bg-rose-900/60 dark:text-rose-100',
  info: 'bg-sky-100 text-sky-950 dark:bg-sky-900/60 dark:text-sky-100',
};

const RUNNING_WORDS: Partial<Record<CheckId, MessageKey>> = {
  microphone: 'setup.running.microphone',
  relay: 'setup.running.relay',
  network: 'setup.running.network',
};

/**
 * `/setup`: "Test my setup", run before going Available. The microphone heard while the agent
 * speaks, the speaker heard playing a tone, the relay server reached, the connection's round
 * trip and loss, each in plain words with what to do; run again at will.
 *
 * @example
 * <SetupView setup={services.setupCheck(createSetupCheck)} />
 */
export function SetupView({ setup }: { setup: SetupCheck }) {
  const state = useSetupState(setup);
  const last = useLastCheck();
  const inCall = useAppState((s) => s.current !== null);
  const started = state.running !== null || Object.keys(state.results).length > 0;
  const t = useT();
  const runningWords = state.running ? RUNNING_WORDS[state.running] : undefined;
  // leaving the page cuts a playing tone short
  useEffect(() => () => setup.stopTone(), [setup]);

  return (
    <div className="mx-auto max-w-3xl space-y-4 p-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">{t('setup.title')}</h1>
        <p className="text-sm text-slate-700 dark:text-slate-300">{t('setup.intro')}</p>
        {last ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {t('setup.lastTested', { when: testedAtWords(last.at, Date.now()) })}
          </p>
        ) : null}
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <Button
          tone="primary"
          disabled={state.running !== null || inCall}
          onClick={() => void setup.run()}
        >
          {started ? t('setup.runAgain') : t('setup.start')}
        </Button>
        {inCall ? <span className="text-sm">{t('setup.finishCall')}</span> : null}
        <Link to="/" className="text-sm font-medium text-sky-800 underline dark:text-sky-300">
          {t('setup.back')}
        </Link>
      </div>

      <p aria-live="polite" className="sr-only">
        {state.running ? (runningWords ? t(runningWords) : '') : started ? t('setup.finished') : ''}
      </p>

      <CheckSection id="microphone" result={state.results.microphone} running={state.running}>
        <MicrophoneLive />
      </CheckSection>
      <CheckSection id="speaker" result={state.results.speaker} running={null}>
        <SpeakerTest setup={setup} />
      </CheckSection>
      <CheckSection id="relay" result={state.results.relay} running={state.running} />
      <CheckSection id="network" result={state.results.network} running={state.running} />

      <details className="rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <summary className="cursor-pointer font-medium">{t('call.devices')}</summary>
        <div className="mt-3">
          <DevicePicker />
        </div>
      </details>
    </div>
  );
}

function CheckSection({
  id,
  result,
  running,
  children,
}: {
  id: CheckId;
  result: CheckResult | undefined;
  running: CheckId | null;
  children?: ReactNode;
}) {
  const titleId = useId();
  const now = running === id;
  const t = useT();
  const runningHere = RUNNING_WORDS[id];
  return (
    <section
      aria-labelledby={titleId}
      aria-busy={now}
      className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={titleId} className="text-base font-semibold">
          {t(TITLES[id])}
        </h2>
        {now ? (
          <span className="text-sm font-medium text-sky-800 dark:text-sky-300">
            {t('setup.testing')}
          </span>
        ) : result ? (
          <span
            className={`rounded-full px-2 py-0.5 text-xs font-semibold ${VERDICT_STYLE[result.verdict]}`}
          >
            {t(VERDICT_WORDS[result.verdict])}
          </span>
        ) : (
          <span className="text-sm text-slate-500 dark:text-slate-400">{t('setup.notYet')}</span>
        )}
      </div>
      {now && runningHere ? <p className="text-sm">{t(runningHere)}</p> : null}
      {result && !now ? (
        <div className="space-y-1 text-sm">
          <p>{result.summary}</p>
          {result.fix ? (
            <p>
              <span className="font-semibold">{t('setup.whatToDo')}</span>
              {result.fix}
            </p>
          ) : null}
          {result.figures?.length ? (
            <ul className="flex flex-wrap gap-x-4 text-slate-600 dark:text-slate-300">
              {result.figures.map((figure) => (
                <li key={figure}>{figure}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {children}
    </section>
  );
}

function MicrophoneLive() {
  const measuring = useMicActivity((a) => a.measuring);
  const t = useT();
  if (!measuring) return null;
  return <MicMeter label={t('setup.micLevel')} />;
}

function SpeakerTest({ setup }: { setup: SetupCheck }) {
  const { tone } = useSetupState(setup);
  const t = useT();
  if (tone === 'asking') {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-sm font-medium">{t('setup.heardQuestion')}</p>
        <Button tone="accept" onClick={() => setup.heardTone(true)}>
          {t('setup.heardYes')}
        </Button>
        <Button tone="neutral" onClick={() => setup.heardTone(false)}>
          {t('setup.heardNo')}
        </Button>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button tone="neutral" disabled={tone === 'playing'} onClick={() => void setup.playTone()}>
        {tone === 'playing' ? t('setup.playing') : t('setup.play')}
      </Button>
      <span className="text-sm text-slate-600 dark:text-slate-300">{t('setup.playsOn')}</span>
    </div>
  );
}
