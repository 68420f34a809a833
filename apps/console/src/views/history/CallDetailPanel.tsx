import { useT } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/formats';
import type { CallDetailReply } from '@ringside/contracts';
import type { CallLogApi } from '../../api/call-log-api';
import type { CallMediaApi } from '../../api/call-media-api';
import { dispositionLabel } from '../../ui/dispositions';
import { callerName, formatDuration, outcomeName } from '../../ui/format';
import { useLoaded } from '../admin/useLoaded';
import { CallBackButton } from './CallBackButton';
import { CallDetailFrame } from './CallDetailFrame';
import { CallMediaSection } from './CallMediaSection';
import { CallRecord, Fact } from './CallRecord';
import { describeEventDetail } from './timeline-words';
import { PartyFacts } from './PartyFacts';

/** one call: who, how it ended, Call back when the customer can be called, notes, and its timeline */
export function CallDetailPanel({
  api,
  media,
  callId,
  onClose,
}: {
  api: CallLogApi;
  /** the call's recording and transcript; none shown without it */
  media?: CallMediaApi | undefined;
  callId: string;
  onClose: () => void;
}) {
  const [loaded] = useLoaded(() => api.detail(callId), callId);
  return (
    <CallDetailFrame
      loaded={loaded}
      title={(detail) => callerName(detail.call.caller)}
      onClose={onClose}
    >
      {({ call }) => (
        <>
          <CallBackButton call={call} />
          <CallRecord
            call={call}
            facts={<Facts call={call} />}
            sections={media ? <CallMediaSection api={media} callId={callId} /> : null}
            describeDetail={describeEventDetail}
          />
        </>
      )}
    </CallDetailFrame>
  );
}

function Facts({ call }: { call: CallDetailReply }) {
  const t = useT();
  return (
    <>
      <PartyFacts call={call} />
      <Fact term={t('detail.outcome')}>
        {call.outcome ? outcomeName(call.outcome) : call.state}
        {call.metaError
          ? t('detail.metaError', { code: call.metaError.code, meaning: call.metaError.meaning })
          : ''}
      </Fact>
      <Fact term={t('detail.started')}>{formatDateTime(call.startedAt)}</Fact>
      {call.durationSec !== undefined ? (
        <Fact term={t('detail.duration')}>{formatDuration(call.durationSec * 1000)}</Fact>
      ) : null}
      {call.agent ? <Fact term={t('detail.agent')}>{call.agent.name}</Fact> : null}
      {call.disposition ? (
        <Fact term={t('detail.disposition')}>{dispositionLabel(call.disposition)}</Fact>
      ) : null}
    </>
  );
}
