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
  return (
    <>
      <Fact term={call.direction === 'outbound' ? 'Called' : 'Caller'} className="break-words">
        {callerAddress(call.caller)}
      </Fact>
      <Fact term="Direction">{directionName(call.direction)}</Fact>
      <Fact term="Channel" className="flex flex-wrap items-center gap-2">
        <ChannelBadge channel={call.channel} />{' '}
        {calledLine(call.channel, call.called, call.direction)}
      </Fact>
      {call.metaCallId ? (
        <Fact term="Meta call ID" className="font-mono text-sm break-all">
          {call.metaCallId}
        </Fact>
      ) : null}
    </>
  );
}
