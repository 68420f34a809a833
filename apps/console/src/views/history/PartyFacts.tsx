import { useT } from '../../i18n/I18nProvider';
import type { CallDetailReply } from '@ringside/contracts';
import { ChannelBadge } from '../../ui/controls';
import { calledLine, callerAddress, directionName } from '../../ui/format';
import { Fact } from './CallRecord';

/**
 * Who a call was with and on which line: the customer (called, on an outbound call), the
 * direction, the channel with the number or Page, and Meta's own call id (what Meta support
 * asks for) — the first facts of a call's detail.
 *
 * @example
 * <dl><PartyFacts call={call} /><Fact term="Outcome">Completed</Fact></dl>
 */
export function PartyFacts({ call }: { call: CallDetailReply }) {
  const t = useT();
  return (
    <>
      <Fact
        term={call.direction === 'outbound' ? t('detail.called') : t('detail.caller')}
        className="break-words"
      >
        {callerAddress(call.caller)}
      </Fact>
      <Fact term={t('detail.direction')}>{directionName(call.direction)}</Fact>
      <Fact term={t('detail.channel')} className="flex flex-wrap items-center gap-2">
        <ChannelBadge channel={call.channel} />{' '}
        {calledLine(call.channel, call.called, call.direction)}
      </Fact>
      {call.metaCallId ? (
        <Fact term={t('detail.metaCallId')} className="font-mono text-sm break-all">
          {call.metaCallId}
        </Fact>
      ) : null}
    </>
  );
}
