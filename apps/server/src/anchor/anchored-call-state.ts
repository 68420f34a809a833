import type { CallRoom, OfferedLeg } from '@ringside/anchor';
import type { ChannelRecord } from '../repos/channel-rows';
import type { RoomRecording } from './anchor-recording';
import type { CallHold } from './call-hold';
import type { QueuePlayer } from './call-queue';

/** the customer's leg and the agent's leg of one anchored call, in its room on one engine */
export interface AnchoredCall {
  readonly channel: ChannelRecord;
  /** the engine the call is pinned to */
  readonly engine: string;
  readonly room: CallRoom;
  /** the engine's answer to Meta's offer: what pre_accept and accept carry */
  readonly customerAnswer: string;
  /** the agent's leg, offered by the engine; whoever claims the call answers it (anew on a rejoin) */
  agent: OfferedLeg;
  /** the engine died under the call: it is being ended, nothing more joins it */
  lost: boolean;
  /** on hold for a transfer (see {@link CallHold}) */
  held?: CallHold;
  /** the engine records the call (the line records its calls: {@link AnchorRecorder}), or the voicemail */
  recording?: RoomRecording;
  /** queued: what the caller hears while they wait ({@link playQueue}) */
  queue?: QueuePlayer;
  /** voicemail: the greeting is playing; the recording starts when it ends */
  voicemailTimer?: NodeJS.Timeout;
  /** an agent is talking with the customer (Meta accepted with them, or they took the queued call) */
  talking?: boolean;
  /** the call is over here: its room is going or gone */
  released?: boolean;
}
