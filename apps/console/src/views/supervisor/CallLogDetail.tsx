import type { CallDetailReply, CallEvent, CallQuality } from '@ringside/contracts';
import { useEffect, useRef } from 'react';
import type { CallLogApi } from '../../api/call-log-api';
import { Button, ChannelBadge } from '../../ui/controls';
import { dispositionLabel } from '../../ui/dispositions';
import {
  calledLine,
  callerAddress,
  callerName,
  formatDuration,
  outcomeName,
} from '../../ui/format';
import { useLoaded } from '../admin/useLoaded';
import { describeEventType } from '../history/timeline-words';
import { qualityFigures, qualityWords } from './board-words';
import { formatWait } from './counter-words';
import { metaErrorsOf, timelineDetail } from './meta-errors';

const TERM = 'text-slate-600 dark:text-slate-400';

/** one call of the log: who, how it went, Meta's errors, its quality, and its timeline */
export function CallLogDetail({
  api,
  callId,
  onClose,
}: {
  api: CallLogApi;
  callId: string;
  onClose: () => void;
}) {
  const [loaded] = useLoaded(() => api.detail(callId), callId);
  const heading = useRef<HTMLHeadingElement>(null);
  // on a narrow screen the detail sits below the list: bring it into view for keyboard and eye
  useEffect(() => {
    if (loaded.state !== 'loading') heading.current?.focus();
  }, [loaded.state]);

  return (
    <section
      aria-labelledby="log-detail-title"
      className="min-w-0 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <div className="flex items-center justify-between gap-2">
        <h3 id="log-detail-title" ref={heading} tabIndex={-1} className="text-lg font-semibold">
          {loaded.state === 'ready' ? callerName(loaded.data.call.caller) : 'Call details'}
        </h3>
        <Button tone="ghost" className="min-h-9 px-2" onClick={onClose}>
          Close details
        </Button>
      </div>
      {loaded.state === 'loading' ? (
        <p role="status" className="mt-2 text-sm">
          Loading…
        </p>
      ) : loaded.state === 'error' ? (
        <p role="alert" className="mt-2 text-sm text-rose-700 dark:text-rose-300">
          {loaded.message}
        </p>
      ) : (
        <Detail call={loaded.data.call} quality={loaded.data.quality} />
      )}
    </section>
  );
}

function Detail({ call, quality }: { call: CallDetailReply; quality: CallQuality | undefined }) {
  const errors = metaErrorsOf(call);
  return (
    <div className="mt-3 space-y-4 text-sm">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className={TERM}>Caller</dt>
        <dd className="break-words">{callerAddress(call.caller)}</dd>
        <dt className={TERM}>Channel</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <ChannelBadge channel={call.channel} /> {calledLine(call.channel, call.called)}
        </dd>
        <dt className={TERM}>Outcome</dt>
        <dd>{call.outcome ? outcomeName(call.outcome) : call.state}</dd>
        <dt className={TERM}>Started</dt>
        <dd>{new Date(call.startedAt).toLocaleString()}</dd>
        {call.answeredAt ? (
          <>
            <dt className={TERM}>Answered</dt>
            <dd>
              {new Date(call.answeredAt).toLocaleTimeString()} (after{' '}
              {formatWait(Date.parse(call.answeredAt) - Date.parse(call.startedAt))})
            </dd>
          </>
        ) : null}
        {call.durationSec !== undefined ? (
          <>
            <dt className={TERM}>Duration</dt>
            <dd>{formatDuration(call.durationSec * 1000)}</dd>
          </>
        ) : null}
        <dt className={TERM}>Agent</dt>
        <dd>{call.agent ? call.agent.name : 'Nobody answered'}</dd>
        {call.disposition ? (
          <>
            <dt className={TERM}>Disposition</dt>
            <dd>{dispositionLabel(call.disposition)}</dd>
          </>
        ) : null}
        <dt className={TERM}>Quality</dt>
        <dd>
          {quality ? (
            <>
              {qualityWords(quality)}
              <span className={`block text-xs ${TERM}`}>{qualityFigures(quality)}</span>
            </>
          ) : (
            'Not recorded'
          )}
        </dd>
      </dl>
      {call.notes ? (
        <div>
          <h4 className="font-semibold">Notes</h4>
          <p className="mt-1 whitespace-pre-wrap break-words">{call.notes}</p>
        </div>
      ) : null}
      <div>
        <h4 className="font-semibold">Meta errors</h4>
        {errors.length === 0 ? (
          <p className={`mt-1 ${TERM}`}>None.</p>
        ) : (
          <ul className="mt-1 space-y-1">
            {errors.map((error, i) => (
              <li key={`${error.code}-${i}`} className="break-words">
                <span className="font-mono font-semibold">{error.code}</span> · {error.source}:{' '}
                {error.meaning}
                {error.text ? <span className={`block text-xs ${TERM}`}>{error.text}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h4 className="font-semibold">Timeline</h4>
        {call.events.length === 0 ? (
          <p className={`mt-1 ${TERM}`}>No events recorded.</p>
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
  const detail = timelineDetail(event.detail);
  return (
    <li>
      <p>
        <time dateTime={event.at} className={`font-mono text-xs ${TERM}`}>
          {new Date(event.at).toLocaleTimeString()}
        </time>{' '}
        <span className="font-medium">{describeEventType(event.type)}</span>
        {event.actor?.name ? <span className={TERM}> · {event.actor.name}</span> : null}
      </p>
      {detail ? <p className={`text-xs break-words ${TERM}`}>{detail}</p> : null}
    </li>
  );
}
