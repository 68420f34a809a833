// the options and results of a CallRoom, apart so the room's file stays about the room

export interface CallRoomOptions {
  /**
   * packets the mixer buffers per participant before decoding; Janus's default is 6 (120 ms),
   * each packet adds 20 ms mouth-to-ear
   */
  prebufferPackets?: number;
}

/** why a room is no more */
export type RoomClosedReason = 'destroyed' | 'engine_lost';

export interface LegOptions {
  /** start muted: the leg hears the room, the room does not hear it (a supervisor's listen) */
  muted?: boolean;
}

/** a leg for which the engine made the offer: give it the remote answer to finish */
export interface OfferedLeg {
  offer: string;
  accept(answerSdp: string): Promise<void>;
}
