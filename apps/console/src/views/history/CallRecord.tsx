import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../i18n/formats';
import { campaignOf, type CallDetailReply, type CallEvent } from '@ringside/contracts';
import type { ReactNode } from 'react';
import { describeEventType } from './timeline-words';

const TERM = 'text-slate-600 dark:text-slate-400';

/**
 * One line of a call's facts: the term and what it says.
 *
 * @example
 * <Fact term="Started">{new Date(call.startedAt).toLocaleString()}</Fact>
 */
export function Fact({
  term,
  className,
  children,
}: {
  term: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <>
      <dt className={TERM}>{term}</dt>
      <dd className={className}>{children}</dd>
    </>
  );
}

/**
 * What a call's detail shows below its heading: the `facts` each page picks, the notes, any
 * `sections` of the page's own, and the timeline with each entry's detail worded by
 * `describeDetail`. `nested` makes the section headings `h4`, under a nested panel's `h3`.
 *
 * @example
 * <CallRecord call={call} facts={<Fact term="Outcome">Completed</Fact>} describeDetail={describeEventDetail} />
 */
export function CallRecord({
  call,
  facts,
  sections,
  describeDetail,
  nested = false,
}: {
  call: CallDetailReply;
  facts: ReactNode;
  sections?: ReactNode;
  describeDetail: (detail: Record<string, unknown> | undefined) => string;
  nested?: boolean;
}) {
  const Heading = nested ? 'h4' : 'h3';
  const t = useT();
  return (
    <div className="mt-3 space-y-4 text-sm">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {facts}
        <SourceFacts call={call} />
      </dl>
      {call.notes ? (
        <div>
          <Heading className="font-semibold">{t('detail.notes')}</Heading>
          <p className="mt-1 whitespace-pre-wrap break-words">{call.notes}</p>
        </div>
      ) : null}
      {sections}
      <div>
        <Heading className="font-semibold">{t('detail.timeline')}</Heading>
        {call.events.length === 0 ? (
          <p className={`mt-1 ${TERM}`}>{t('detail.noEvents')}</p>
        ) : (
          <ol className="mt-2 space-y-2 border-l-2 border-slate-200 pl-4 dark:border-slate-700">
            {call.events.map((event, i) => (
              <TimelineEntry
                key={`${event.at}-${i}`}
                event={event}
                detail={describeDetail(event.detail)}
              />
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}

// the call link (its tag, and the label an admin gave it) and the call button it came from
function SourceFacts({ call }: { call: CallDetailReply }) {
  const { source } = call;
  const campaign = campaignOf(source);
  const t = useT();
  return (
    <>
      {campaign ? (
        <Fact term={t('source.campaign')} className="break-all">
          {campaign}
          {source?.linkLabel && source.linkTag
            ? t('detail.campaignTag', { tag: source.linkTag })
            : ''}
        </Fact>
      ) : null}
      {source?.ctaPayload ? (
        <Fact term={t('source.callButton')} className="break-all">
          {source.ctaPayload}
        </Fact>
      ) : null}
    </>
  );
}

function TimelineEntry({ event, detail }: { event: CallEvent; detail: string }) {
  return (
    <li>
      <p>
        <time dateTime={event.at} className={`font-mono text-xs ${TERM}`}>
          {formatTime(event.at)}
        </time>{' '}
        <span className="font-medium">{describeEventType(event.type)}</span>
        {event.actor?.name ? <span className={TERM}> · {event.actor.name}</span> : null}
      </p>
      {detail ? <p className={`text-xs break-words ${TERM}`}>{detail}</p> : null}
    </li>
  );
}
