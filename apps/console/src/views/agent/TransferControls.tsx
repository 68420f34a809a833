import type { AgentRef } from '@ringside/contracts';
import { useEffect, useId, useState } from 'react';
import { useAppState, useCalling } from '../../app/ConsoleProvider';
import type { QueueTarget } from '../../calls/CallTransfer';
import { useT } from '../../i18n/I18nProvider';
import type { CurrentCall, OutgoingTransfer, TransferMode } from '../../state/types';
import { Button } from '../../ui/controls';
import { choiceValue, queueOption, transferChoices, underWayWords } from './transfer-words';

const FIELD =
  'mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base dark:border-slate-600 dark:bg-slate-800';

/**
 * Transfer on an anchored call: the button, the form that picks a colleague or a line's queue and
 * the mode, and, once it is under way, where it stands with Cancel transfer (and Complete
 * transfer in a warm one). Nothing for a direct call: it cannot be transferred.
 */
export function TransferControls({ call }: { call: CurrentCall }) {
  const transfer = useAppState((s) => (s.transfer?.callId === call.callId ? s.transfer : null));
  const [open, setOpen] = useState(false);
  const formId = useId();
  const t = useT();
  if (!call.anchored && !transfer) return null;
  // one transfer at a time, and only of a call that is talking
  const canTransfer = call.phase === 'active' && !transfer;
  return (
    <div className="space-y-3">
      <Button
        tone="neutral"
        disabled={!canTransfer}
        aria-expanded={open && canTransfer}
        aria-controls={formId}
        onClick={() => setOpen((was) => !was)}
      >
        {t('transfer.open')}
      </Button>
      {transfer ? <TransferUnderWay transfer={transfer} /> : null}
      {open && canTransfer ? (
        <TransferForm id={formId} callId={call.callId} onClose={() => setOpen(false)} />
      ) : null}
    </div>
  );
}

type Targets =
  | { kind: 'loading' }
  | { kind: 'ready'; agents: AgentRef[]; queues: QueueTarget[] }
  | { kind: 'failed' };

function TransferForm({
  id,
  callId,
  onClose,
}: {
  id: string;
  callId: string;
  onClose: () => void;
}) {
  const calling = useCalling();
  const [targets, setTargets] = useState<Targets>({ kind: 'loading' });
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const titleId = useId();
  const fieldId = useId();
  const t = useT();

  useEffect(() => {
    let current = true;
    void calling.transfer.targets(callId).then((result) => {
      if (!current) return;
      setTargets(
        result.ok
          ? { kind: 'ready', agents: result.agents, queues: result.queues }
          : { kind: 'failed' },
      );
      if (!result.ok) setError(result.message);
    });
    return () => {
      current = false;
    };
  }, [calling, callId]);

  const agents = targets.kind === 'ready' ? targets.agents : [];
  const queues = targets.kind === 'ready' ? targets.queues : [];
  const choosable = transferChoices(agents, queues);
  const to = choosable.find((target) => choiceValue(target) === chosen) ?? choosable[0];
  const send = async (mode: TransferMode) => {
    if (!to || sending) return;
    setSending(true);
    setError(null);
    const sent = await calling.transfer.transfer(callId, to, mode);
    setSending(false);
    if (sent.ok) onClose();
    else setError(sent.message);
  };

  return (
    <section
      id={id}
      aria-labelledby={titleId}
      className="space-y-3 rounded-lg border border-slate-200 p-3 dark:border-slate-700"
    >
      <h3 id={titleId} className="text-sm font-semibold">
        {t('transfer.formTitle')}
      </h3>
      {targets.kind === 'loading' ? (
        <p role="status" className="text-sm">
          {t('transfer.loading')}
        </p>
      ) : null}
      {targets.kind === 'ready' && choosable.length === 0 ? (
        <p role="status" className="text-sm">
          {t('transfer.nobody')}
        </p>
      ) : null}
      {to ? (
        <div>
          <label htmlFor={fieldId} className="block text-sm font-medium">
            {t('transfer.to')}
          </label>
          <select
            id={fieldId}
            className={FIELD}
            value={choiceValue(to)}
            onChange={(e) => setChosen(e.target.value)}
          >
            {agents.length > 0 ? (
              <optgroup label={t('transfer.colleagues')}>
                {agents.map((agent) => (
                  <option key={agent.userId} value={choiceValue({ kind: 'agent', agent })}>
                    {agent.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {queues.length > 0 ? (
              <optgroup label={t('transfer.queues')}>
                {queues.map((queue) => (
                  <option
                    key={queue.channelId}
                    value={choiceValue({ kind: 'queue', queue })}
                    disabled={queue.available <= 0}
                  >
                    {queueOption(queue)}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm font-medium text-rose-800 dark:text-rose-200">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {to ? (
          <>
            <Button tone="primary" disabled={sending} onClick={() => void send('cold')}>
              {t('transfer.now')}
            </Button>
            <Button tone="neutral" disabled={sending} onClick={() => void send('warm')}>
              {t('transfer.consultFirst')}
            </Button>
          </>
        ) : null}
        <Button tone="ghost" onClick={onClose}>
          {t('transfer.closeForm')}
        </Button>
      </div>
    </section>
  );
}

/** ringing the colleague or the queue, or talking with them: where it stands, and the way back */
function TransferUnderWay({ transfer }: { transfer: OutgoingTransfer }) {
  const calling = useCalling();
  const [busy, setBusy] = useState(false);
  const t = useT();
  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="space-y-3">
      <p
        role="status"
        className="rounded-md bg-sky-100 px-3 py-2 text-sm font-medium text-sky-950 dark:bg-sky-900/60 dark:text-sky-100"
      >
        {underWayWords(transfer)}
      </p>
      <div className="flex flex-wrap gap-2">
        {transfer.step === 'consulting' ? (
          <Button
            tone="primary"
            disabled={busy}
            onClick={() => void act(() => calling.transfer.complete())}
          >
            {t('transfer.complete')}
          </Button>
        ) : null}
        <Button
          tone="neutral"
          disabled={busy}
          onClick={() => void act(() => calling.transfer.cancel())}
        >
          {t('transfer.cancel')}
        </Button>
      </div>
    </div>
  );
}
