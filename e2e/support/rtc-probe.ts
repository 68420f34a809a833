import type { Page } from 'playwright-core';

/** the browser's side of the call's audio, from the peer connection's own `getStats()` */
export interface BrowserAudio {
  /** the newest peer connection's state; 'none' before any exists */
  connectionState: string;
  /** inbound-rtp (audio): what arrived from the caller */
  packetsReceived: number;
  /** grows only while the received audio plays out with some level */
  totalAudioEnergy: number;
  /** outbound-rtp (audio): what the browser sent */
  packetsSent: number;
  /** the audio sender's track now: the microphone, hold music, or none */
  senderTrack: { id: string; label: string; enabled: boolean; readyState: string } | null;
  /** how many peer connections the page has made so far */
  peerCount: number;
}

/** a track the page handed to its newest peer connection (`addTrack` / `addTransceiver`) */
export interface LocalTrack {
  trackId: string;
  /** the MediaStream ids it was added with: what `a=msid` names */
  streamIds: string[];
}

/** one accept, timed in the page: click (or start mark) → first inbound audio packet */
export interface AcceptTiming {
  startedAt: number;
  firstPacketAt: number | null;
}

/** what the init script leaves on `window` */
interface ProbeApi {
  peers: RTCPeerConnection[];
  timings: AcceptTiming[];
  startTimer(startedAt: number): void;
}

/**
 * Installs the probe before any page script runs: every RTCPeerConnection the console makes is
 * recorded (a subclass, so `instanceof` still holds), and each click on a button named Accept
 * starts a timer that polls `getStats()` every 5 ms until the first inbound audio packet.
 * The console itself exposes nothing for tests.
 *
 * @example
 * await installRtcProbe(page);
 * await page.goto(url);
 * const audio = await readBrowserAudio(page);
 */
export async function installRtcProbe(page: Page): Promise<void> {
  await page.addInitScript({ content: PROBE_SCRIPT });
}

// plain JS, not a function: bundlers' name helpers (esbuild keepNames) do not exist in the page
const PROBE_SCRIPT = String.raw`
(() => {
  const Native = window.RTCPeerConnection;
  const peers = [];
  const timings = [];
  window.RTCPeerConnection = class RecordedPeerConnection extends Native {
    constructor(config) {
      super(config);
      this.__e2eLocalTracks = [];
      peers.push(this);
    }
    addTrack(track, ...streams) {
      this.__e2eLocalTracks.push({ trackId: track.id, streamIds: streams.map((s) => s.id) });
      return super.addTrack(track, ...streams);
    }
    addTransceiver(trackOrKind, init) {
      if (typeof trackOrKind !== 'string') {
        const streams = (init && init.streams) || [];
        this.__e2eLocalTracks.push({ trackId: trackOrKind.id, streamIds: streams.map((s) => s.id) });
      }
      return super.addTransceiver(trackOrKind, init);
    }
  };
  async function inboundPackets(pc) {
    let packets = 0;
    (await pc.getStats()).forEach((entry) => {
      if (entry.type === 'inbound-rtp' && entry.kind === 'audio') packets += entry.packetsReceived ?? 0;
    });
    return packets;
  }
  function startTimer(startedAt) {
    const timing = { startedAt, firstPacketAt: null };
    timings.push(timing);
    // peers already connected before the click belong to an earlier call
    const known = new Set(peers.filter((pc) => pc.connectionState === 'connected'));
    async function poll() {
      for (const pc of peers) {
        if (known.has(pc) || pc.signalingState === 'closed') continue;
        if ((await inboundPackets(pc)) > 0) {
          timing.firstPacketAt = performance.now();
          return;
        }
      }
      if (performance.now() - startedAt < 30000) setTimeout(poll, 5);
    }
    poll();
  }
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    const name = button ? (button.getAttribute('aria-label') ?? button.textContent ?? '') : '';
    if (name.trim() === 'Accept') startTimer(event.timeStamp);
  }, true);
  Object.defineProperty(window, '__ringsideE2e', { value: { peers, timings, startTimer } });
})();
`;

/**
 * The call's audio as the browser sees it, from the newest peer connection.
 *
 * @example
 * const { packetsReceived, totalAudioEnergy } = await readBrowserAudio(page);
 */
export function readBrowserAudio(page: Page): Promise<BrowserAudio> {
  return page.evaluate(async () => {
    const probe = (window as unknown as { __ringsideE2e?: ProbeApi }).__ringsideE2e;
    if (!probe) throw new Error('the RTC probe is not installed on this page');
    const pc = probe.peers.at(-1);
    const audio: BrowserAudio = {
      connectionState: pc?.connectionState ?? 'none',
      packetsReceived: 0,
      totalAudioEnergy: 0,
      packetsSent: 0,
      senderTrack: null,
      peerCount: probe.peers.length,
    };
    if (!pc) return audio;
    const report = await pc.getStats();
    report.forEach(
      (entry: {
        type?: string;
        kind?: string;
        packetsReceived?: number;
        totalAudioEnergy?: number;
        packetsSent?: number;
      }) => {
        if (entry.kind !== 'audio') return;
        if (entry.type === 'inbound-rtp') {
          audio.packetsReceived += entry.packetsReceived ?? 0;
          audio.totalAudioEnergy += entry.totalAudioEnergy ?? 0;
        }
        if (entry.type === 'outbound-rtp') audio.packetsSent += entry.packetsSent ?? 0;
      },
    );
    const track = pc.getSenders().find((s) => s.track?.kind === 'audio')?.track;
    if (track) {
      audio.senderTrack = {
        id: track.id,
        label: track.label,
        enabled: track.enabled,
        readyState: track.readyState,
      };
    }
    return audio;
  });
}

/**
 * Accept timings the page measured so far, oldest first (times in the page's clock, ms).
 *
 * @example
 * const [timing] = await readAcceptTimings(page);
 */
export function readAcceptTimings(page: Page): Promise<AcceptTiming[]> {
  return page.evaluate(() => {
    const probe = (window as unknown as { __ringsideE2e?: ProbeApi }).__ringsideE2e;
    if (!probe) throw new Error('the RTC probe is not installed on this page');
    return probe.timings.map((t) => ({ ...t }));
  });
}

/**
 * The tracks the page added to its newest peer connection, in order: what its SDP must carry.
 *
 * @example
 * const [mic] = await readLocalTracks(page);
 * validateLocalAnswer(sdp, { expectTrack: { msid: mic.streamIds[0] } });
 */
export function readLocalTracks(page: Page): Promise<LocalTrack[]> {
  return page.evaluate(() => {
    const probe = (window as unknown as { __ringsideE2e?: ProbeApi }).__ringsideE2e;
    if (!probe) throw new Error('the RTC probe is not installed on this page');
    const pc = probe.peers.at(-1) as
      (RTCPeerConnection & { __e2eLocalTracks?: LocalTrack[] }) | undefined;
    return (pc?.__e2eLocalTracks ?? []).map((t) => ({
      trackId: t.trackId,
      streamIds: [...t.streamIds],
    }));
  });
}

/** the path the newest peer connection's audio takes: its selected candidate pair's local end */
export interface SelectedPath {
  /** `host`, `srflx`, `prflx` or `relay` */
  candidateType: string | null;
  /** the protocol to the TURN server when the local end is a relay: `udp`, `tcp` or `tls` */
  relayProtocol: string | null;
  /** the relay's (or host's) address as the far end sees it */
  address: string | null;
  /** ICE's own configuration of the connection, as the page gave it */
  iceTransportPolicy: string | null;
}

/**
 * Which path the call's audio takes, from the newest peer connection's `getStats()`: the
 * transport's selected candidate pair and its local candidate.
 *
 * @example
 * const path = await readSelectedPath(page);
 * expect(path).toMatchObject({ candidateType: 'relay', relayProtocol: 'tcp' });
 */
export function readSelectedPath(page: Page): Promise<SelectedPath> {
  return page.evaluate(async () => {
    const probe = (window as unknown as { __ringsideE2e?: ProbeApi }).__ringsideE2e;
    if (!probe) throw new Error('the RTC probe is not installed on this page');
    const pc = probe.peers.at(-1);
    const path: SelectedPath = {
      candidateType: null,
      relayProtocol: null,
      address: null,
      iceTransportPolicy: pc?.getConfiguration().iceTransportPolicy ?? null,
    };
    if (!pc) return path;
    const entries = new Map<string, Record<string, unknown>>();
    (await pc.getStats()).forEach((entry: Record<string, unknown>) => {
      entries.set(String(entry['id']), entry);
    });
    const transport = [...entries.values()].find((e) => e['type'] === 'transport');
    const pair = entries.get(String(transport?.['selectedCandidatePairId']));
    const local = pair ? entries.get(String(pair['localCandidateId'])) : undefined;
    if (!local) return path;
    path.candidateType = typeof local['candidateType'] === 'string' ? local['candidateType'] : null;
    path.relayProtocol = typeof local['relayProtocol'] === 'string' ? local['relayProtocol'] : null;
    path.address = typeof local['address'] === 'string' ? local['address'] : null;
    return path;
  });
}
