/**
 * The seam between the simulator's call engine (Graph emulator, Meta's rules, webhooks) and the
 * caller's real WebRTC endpoint (werift). The engine only ever talks to media through this.
 */

/** what the simulated caller plays towards the business */
export type AudioSource = 'tone' | 'speech' | 'silence';

export interface CallerMediaOptions {
  /** what the caller plays once media starts; default 'tone' */
  source?: AudioSource;
  /** echo what the caller receives back to the business after a short delay (the demo) */
  echo?: boolean | { delayMs: number };
  /** the only interface candidates are gathered on; default '127.0.0.1' */
  host?: string;
  /**
   * the channel whose SDP shape to write: Messenger's answers add TCP passive candidates on
   * port 3478 (Meta's samples); default 'whatsapp'
   */
  channel?: 'whatsapp' | 'messenger';
  /**
   * list an (unreachable) IPv6 host candidate before the IPv4 one, as Meta's answers on both
   * channels do; default true
   */
  ipv6Candidate?: boolean;
  /**
   * the DTLS role the caller takes when it answers: 'passive' (server), as Meta's answers say;
   * 'active' goes with the actpassInAnswer quirk, where the business reads Meta's actpass as
   * active
   */
  answerSetup?: 'passive' | 'active';
}

export interface MediaStats {
  /** ICE and DTLS are up */
  connected: boolean;
  /** RTP audio packets received from the business (telephone-event packets excluded) */
  packetsReceived: number;
  bytesReceived: number;
  /** epoch ms of the first / latest audio packet received, null before any */
  firstPacketAt: number | null;
  lastPacketAt: number | null;
  /** RMS level, 0..1, of the opus audio decoded over roughly the last second */
  audioLevel: number;
  /** highest `audioLevel` seen during the call */
  peakAudioLevel: number;
  /** RTP packets the caller has sent */
  packetsSent: number;
  /** DTMF digits received as RFC 4733 telephone-event, in order, e.g. "12#" */
  dtmf: string;
  /**
   * epoch ms of the business's latest RTCP packet, null before any; left out by an endpoint that
   * does not see RTCP (then RTP alone keeps a call up)
   */
  lastRtcpAt?: number | null;
}

export interface CallerMedia {
  /** our local SDP: the offer (offerer) or the answer (answerer), complete with candidates */
  readonly localDescription: string;
  /** offerer only: apply the business's answer (WhatsApp pre_accept/accept) */
  setRemoteAnswer(sdp: string): Promise<void>;
  /**
   * Messenger's renegotiation offer (accept's `sdp_renegotiation`, `media_update` webhooks), in
   * Meta's shape: `a=group:BUNDLE 0 1`, mid 0 `recvonly` (the business's voice keeps arriving
   * there), mid 1 `sendonly`; from then on the caller's voice goes on mid 1 only. Meta's samples
   * need no answer back: the media flows as offered.
   */
  createReoffer(): Promise<string>;
  /** an answer to our re-offer, if the business sends one: checked, then kept (nothing changes) */
  setReofferAnswer(sdp: string): Promise<void>;
  /** start playing `source` (Meta lets media flow once the call is accepted) */
  startAudio(): void;
  /** stop sending RTP entirely (to simulate a dead peer) */
  stopAudio(): void;
  stats(): MediaStats;
  /**
   * both sides of the call so far as a two-channel Ogg Opus file (left: the caller, right: the
   * business), for Meta's call recording; an endpoint without real audio leaves it out
   */
  recording?(): Buffer;
  close(): Promise<void>;
}

export interface CallerMediaFactory {
  /** the caller offers (WhatsApp user-initiated): ICE-lite, opus/111 + telephone-event/126, actpass */
  offer(options?: CallerMediaOptions): Promise<CallerMedia>;
  /** the caller answers the business's offer (Messenger accept, WhatsApp business-initiated connect) */
  answer(remoteOffer: string, options?: CallerMediaOptions): Promise<CallerMedia>;
}
