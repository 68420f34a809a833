import { useId, useState } from 'react';
import { useAppState, useCalling } from '../../app/ConsoleProvider';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/i18n';
import { SHORTCUT_KEYS } from '../../keyboard/shortcuts';
import type { CallPhase, CurrentCall } from '../../state/types';
import { Button, ChannelBadge } from '../../ui/controls';
import {
  callerAddress,
  callerName,
  calledLine,
  dialedParty,
  formatDuration,
} from '../../ui/format';
import { useNow } from '../../ui/useNow';
import { DevicePicker } from './DevicePicker';
import { Keypad } from './Keypad';
import { MicActivity } from './MicActivity';
import { QualityIndicator } from './QualityIndicator';
import { TransferControls } from './TransferControls';
import { WhisperNotice } from './WhisperNotice';

const PHASE_TEXT: Record<CallPhase, MessageKey> = {
  claiming: 'call.phase.claiming',
  placing: 'call.phase.calling',
  dialing: 'call.phase.calling',
  ringing: 'call.phase.ringing',
  connecting: 'call.phase.connecting',
  active: 'call.phase.active',
  reconnecting: 'call.phase.reconnecting',
  ending: 'call.phase.ending',
  orphaned: 'call.phase.orphaned',
  rejoining: 'call.phase.rejoining',
};

/**
 * The agent's call, answered or placed: who, its state (Calling… / Ringing… / a timer once
 * connected), Mute, Hold, Keypad, Hang up, devices and quality.
 */
export function InCallPanel() {
  const current = useAppState((s) => s.current);
  if (!current) return null;
  if (current.phase === 'orphaned') return <OrphanedCall call={current} />;
  return <LiveCall call={current} />;
}

function LiveCall({ call }: { call: CurrentCall }) {
  const calling = useCalling();
  const [keypadOpen, setKeypadOpen] = useState(false);
  const titleId = useId();
  const keypadId = useId();
  const t = useT();
  const outbound = call.direction === 'outbound';
  // a placed call shows whom the agent called, exactly as sent
  const name = outbound ? dialedParty(call.caller) : callerName(call.caller);
  const address = outbound ? name : callerAddress(call.caller);
  const ending = call.phase === 'ending';
  // the buttons stay while a blip is bridged: mute and hold act on the sender, not the path
  const talking = call.phase === 'active' || call.phase === 'reconnecting';
  // not the agent's call until the server says their claim won: they can cancel, not hang up
  const claiming = call.phase === 'claiming';
  // a placed call has no timer until the customer picks up
  const timerSince = outbound ? call.answeredAt : (call.answeredAt ?? call.acceptedAt);

  return (
    <section
      aria-labelledby={titleId}
      className="space-y-4 rounded-xl border-2 border-sky-600 bg-white p-4 shadow-md dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="flex items-center gap-2 text-sm font-semibold text-slate-700 dark:text-slate-200">
            <ChannelBadge channel={call.channel} />
            <span aria-live="polite">{t(PHASE_TEXT[call.phase])}</span>
            {call.mediaCapture ? <MediaBadge capture={call.mediaCapture} /> : null}
          </p>
          <h2 id={titleId} className="mt-1 text-2xl font-bold break-words">
            {name}
          </h2>
          {address !== name ? (
            <p className="text-base text-slate-700 dark:text-slate-200">{address}</p>
          ) : null}
          <p className="text-sm text-slate-600 dark:text-slate-300">
            {outbound
              ? t('call.outgoing', { line: calledLine(call.channel, call.called, call.direction) })
              : calledLine(call.channel, call.called, call.direction)}
          </p>
        </div>
        {timerSince !== undefined ? <CallTimer since={timerSince} /> : null}
      </div>

      {call.muted || call.held ? (
        <p
          role="status"
          className="rounded-md bg-amber-100 px-3 py-2 text-sm font-medium text-amber-950 dark:bg-amber-900/60 dark:text-amber-100"
        >
          {call.held ? t('call.held') : t('call.mutedNotice')}
        </p>
      ) : null}

      <WhisperNotice callId={call.callId} />

      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Button
          tone={call.muted ? 'primary' : 'neutral'}
          disabled={!talking}
          aria-keyshortcuts={SHORTCUT_KEYS.mute}
          onClick={() => calling.calls.toggleMute()}
        >
          {call.muted ? t('call.unmute') : t('call.mute')}
        </Button>
        <Button
          tone={call.held ? 'primary' : 'neutral'}
          disabled={!talking}
          onClick={() => void calling.calls.toggleHold()}
        >
          {call.held ? t('call.resume') : t('call.hold')}
        </Button>
        <Button
          tone="neutral"
          disabled={!talking}
          aria-expanded={keypadOpen}
          aria-controls={keypadId}
          onClick={() => setKeypadOpen((open) => !open)}
        >
          {t('call.keypad')}
        </Button>
        <Button
          tone="danger"
          disabled={ending}
          aria-keyshortcuts={SHORTCUT_KEYS.hangup}
          onClick={() => void calling.calls.hangUp()}
        >
          {claiming ? t('call.cancel') : t('call.hangUp')}
        </Button>
      </div>

      <TransferControls call={call} />
      <MicActivity muted={call.muted} />
      {keypadOpen && talking ? <Keypad id={keypadId} /> : null}
      <QualityIndicator quality={call.quality} />
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">{t('call.devices')}</summary>
        <div className="mt-3">
          <DevicePicker />
        </div>
      </details>
    </section>
  );
}

function CallTimer({ since }: { since: number }) {
  const now = useNow(1000);
  const t = useT();
  return (
    <span
      role="timer"
      aria-label={t('call.timer')}
      className="font-mono text-2xl font-semibold tabular-nums"
    >
      {formatDuration(now - since)}
    </span>
  );
}

function OrphanedCall({ call }: { call: CurrentCall }) {
  const calling = useCalling();
  const t = useT();
  const name = call.direction === 'outbound' ? dialedParty(call.caller) : callerName(call.caller);
  return (
    <section className="space-y-3 rounded-xl border-2 border-amber-500 bg-white p-4 dark:bg-slate-900">
      <h2 className="text-lg font-semibold">{t('call.orphaned.title')}</h2>
      <p className="text-sm">{t('call.orphaned.body', { name })}</p>
      <Button tone="danger" onClick={() => void calling.calls.hangUp()}>
        {t('call.hangUp')}
      </Button>
    </section>
  );
}

const MEDIA_BADGE = {
  record: 'call.media.recording',
  transcribe: 'call.media.transcribing',
  both: 'call.media.recording',
} as const satisfies Record<string, MessageKey>;

const MEDIA_TITLE = {
  record: 'call.media.record',
  transcribe: 'call.media.transcribe',
  both: 'call.media.both',
} as const satisfies Record<string, MessageKey>;

/** Meta records or transcribes this call: the customer heard Meta's announcement */
function MediaBadge({ capture }: { capture: 'record' | 'transcribe' | 'both' }) {
  const t = useT();
  return (
    <span
      title={t(MEDIA_TITLE[capture])}
      className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800 dark:bg-red-900 dark:text-red-100"
    >
      {t(MEDIA_BADGE[capture])}
    </span>
  );
}
