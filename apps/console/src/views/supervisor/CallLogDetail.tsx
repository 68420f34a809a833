import { useT } from '../../i18n/I18nProvider';
import { formatDateTime, formatTime } from '../../i18n/formats';
import type { CallDetailReply, CallQuality } from '@ringside/contracts';
import type { CallLogApi } from '../../api/call-log-api';
import { dispositionLabel } from '../../ui/dispositions';
import { callerName, formatDuration, outcomeName } from '../../ui/format';
import { useLoaded } from '../admin/useLoaded';
import { CallDetailFrame } from '../history/CallDetailFrame';
import { CallRecord, Fact } from '../history/CallRecord';
import { qualityFigures, qualityWords } from './board-words';
import { formatWait } from './counter-words';
import { metaErrorsOf, timelineDetail } from './meta-errors';
import { PartyFacts } from '../history/PartyFacts';

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
  return (
    <CallDetailFrame
      loaded={loaded}
      title={(detail) => callerName(detail.call.caller)}
      nested
      onClose={onClose}
    >
      {({ call, quality }) => (
        <CallRecord
          call={call}
          facts={<Facts call={call} quality={quality} />}
          sections={<MetaErrors call={call} />}
          describeDetail={timelineDetail}
          nested
        />
      )}
    </CallDetailFrame>
  );
}

function Facts({ call, quality }: { call: CallDetailReply; quality: CallQuality | undefined }) {
  const t = useT();
  return (
    <>
      <PartyFacts call={call} />
      <Fact term={t('detail.outcome')}>
        {call.outcome ? outcomeName(call.outcome) : call.state}
      </Fact>
      <Fact term={t('detail.started')}>{formatDateTime(call.startedAt)}</Fact>
      {call.answeredAt ? (
        <Fact term={t('log.answered')}>
          {t('log.answeredAt', {
            time: formatTime(call.answeredAt),
            wait: formatWait(Date.parse(call.answeredAt) - Date.parse(call.startedAt)),
          })}
        </Fact>
      ) : null}
      {call.durationSec !== undefined ? (
        <Fact term={t('detail.duration')}>{formatDuration(call.durationSec * 1000)}</Fact>
      ) : null}
      <Fact term={t('detail.agent')}>{call.agent ? call.agent.name : t('log.nobodyAnswered')}</Fact>
      {call.disposition ? (
        <Fact term={t('detail.disposition')}>{dispositionLabel(call.disposition)}</Fact>
      ) : null}
      <Fact term={t('log.quality')}>
        {quality ? (
          <>
            {qualityWords(quality)}
            <span className={`block text-xs ${TERM}`}>{qualityFigures(quality)}</span>
          </>
        ) : (
          t('log.notRecorded')
        )}
      </Fact>
    </>
  );
}

function MetaErrors({ call }: { call: CallDetailReply }) {
  const errors = metaErrorsOf(call);
  const t = useT();
  return (
    <div>
      <h4 className="font-semibold">{t('log.metaErrors')}</h4>
      {errors.length === 0 ? (
        <p className={`mt-1 ${TERM}`}>{t('log.none')}</p>
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
  );
}
