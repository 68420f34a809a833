import type { CallDetailReply, CallEvent } from '@ringside/contracts';
import { useEffect, useRef, useState } from 'react';
import { useServices } from '../../app/ConsoleProvider';
import { Button, ChannelBadge } from '../../ui/controls';
import {
  callerAddress,
  callerName,
  calledLine,
  directionName,
  formatDuration,
  outcomeName,
} from '../../ui/format';
import { dispositionLabel } from '../../ui/dispositions';
import { getCall } from './history-api';
import { describeEventDetail, describeEventType } from './timeline-words';

type Loaded =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; call: CallDetailReply };

/** one call: who, how it ended, notes, and its timeline */
export function CallDetailPanel({ callId, onClose }: { callId: string; onClose: () => void }) {
  const { http } = useServices();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    void getCall(http, callId).then((result) => {
      if (!live) return;
      setLoaded(
        result.ok
          ? { state: 'ready', call: result.data }
          : { state: 'error', message: result.error.message },
      );
      // on a narrow screen the detail sits below the list: bring it into view for keyboard and eye
      heading.current?.focus();
    });
    return () => {
      live = false;
    };
  }, [http, callId]);

  return (
    <section
      aria-labelledby="call-detail-title"
      className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id="call-detail-title" ref={heading} tabIndex={-1} className="text-lg font-semibold">
          {loaded.state === 'ready' ? callerName(loaded.call.caller) : 'Call details'}
        </h2>
        <Button tone="ghost" className="min-h-9 px-2" onClick={onClose}>
          Close details
        </Button>
      </div>
      {loaded.state === 'loading' ? (
        <p role="status" className="mt-2 text-sm">
          Loading…
        </p>
      ) : null}
      {loaded.state === 'error' ? (
        <p role="alert" className="mt-2 text-sm text-rose-700 dark:text-rose-300">
          {loaded.message}
        </p>
      ) : null}
      {loaded.state === 'ready' ? <Detail call={loaded.call} /> : null}
    </section>
  );
}

function Detail({ call }: { call: CallDetailReply }) {
  return (
    <div className="mt-3 space-y-4 text-sm">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-600 dark:text-slate-400">
          {call.direction === 'outbound' ? 'Called' : 'Caller'}
        </dt>
        <dd>{callerAddress(call.caller)}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Direction</dt>
        <dd>{directionName(call.direction)}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Channel</dt>
        <dd className="flex items-center gap-2">
          <ChannelBadge channel={call.channel} />{' '}
          {calledLine(call.channel, call.called, call.direction)}
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">Outcome</dt>
        <dd>
          {call.outcome ? outcomeName(call.outcome) : call.state}
          {call.metaError ? ` (Meta error ${call.metaError.code}: ${call.metaError.meaning})` : ''}
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">Started</dt>
        <dd>{new Date(call.startedAt).toLocaleString()}</dd>
        {call.durationSec !== undefined ? (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Duration</dt>
            <dd>{formatDuration(call.durationSec * 1000)}</dd>
          </>
        ) : null}
        {call.agent ? (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Agent</dt>
            <dd>{call.agent.name}</dd>
          </>
        ) : null}
        {call.disposition ? (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Disposition</dt>
            <dd>{dispositionLabel(call.disposition)}</dd>
          </>
        ) : null}
      </dl>
      {call.notes ? (
        <div>
          <h3 className="font-semibold">Notes</h3>
          <p className="mt-1 whitespace-pre-wrap">{call.notes}</p>
        </div>
      ) : null}
      <div>
        <h3 className="font-semibold">Timeline</h3>
        {call.events.length === 0 ? (
          <p className="mt-1 text-slate-600 dark:text-slate-400">No events recorded.</p>
        ) : (
          <ol className="mt-2 space-y-2 border-l-2 border-slate-200 pl-4 dark:border-slate-700">
            {call.events.map((event, i) => (
              <TimelineEntry key={`${event.at}-${i}`} event={event} />
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}

function TimelineEntry({ event }: { event: CallEvent }) {
  const detail = describeEventDetail(event.detail);
  return (
    <li>
      <p>
        <time dateTime={event.at} className="font-mono text-xs text-slate-600 dark:text-slate-400">
          {new Date(event.at).toLocaleTimeString()}
        </time>{' '}
        <span className="font-medium">{describeEventType(event.type)}</span>
        {event.actor ? (
          <span className="text-slate-600 dark:text-slate-400"> · {event.actor.name}</span>
        ) : null}
      </p>
      {detail ? (
        <p className="text-xs break-words text-slate-600 dark:text-slate-400">{detail}</p>
      ) : null}
    </li>
  );
}
