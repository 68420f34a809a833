import type { Browser, BrowserContext, Page } from 'playwright-core';

/** how long the page waits for its ICE candidates before handing out the SDP anyway */
const GATHER_BOUND_MS = 5000;

/** Chromium's inbound-rtp (audio) stats: what arrived from the caller */
export interface BrowserInboundStats {
  packetsReceived: number;
  bytesReceived: number;
  /** grows only while received audio plays out with some level */
  totalAudioEnergy: number;
  /** 0..1, the level of the audio playing now */
  audioLevel: number;
}

/** what Chromium's getStats says about the call's audio, both ways */
export interface BrowserCallStats extends BrowserInboundStats {
  connectionState: string;
  /** outbound-rtp (audio): what the browser sent */
  packetsSent: number;
  /** inbound-rtp (audio) by the m-section it arrived on (Messenger: the caller speaks on mid 1) */
  receivedByMid: Record<string, { packetsReceived: number; totalAudioEnergy: number }>;
}

/** the page's `globalThis.ringsidePeer` (see peer-page.ts) */
interface PageApi {
  answerOffer(arg: { sdp: string; addMicFirst: boolean; gatherBoundMs: number }): string;
  createOffer(arg: { gatherBoundMs: number }): string;
  applyAnswer(arg: { sdp: string }): void;
  waitForConnection(arg: { boundMs: number }): string;
  sendDtmf(arg: { tones: string; durationMs: number; gapMs: number }): void;
  stats(arg: Record<string, never>): BrowserCallStats;
  localDirection(arg: Record<string, never>): string | null;
  setMicEnabled(arg: { enabled: boolean }): void;
  stopSending(arg: Record<string, never>): void;
  close(arg: Record<string, never>): void;
}

/**
 * A business agent's browser in a test: one Chromium page with the fake microphone and one
 * RTCPeerConnection, driven from Node. Plain class, test-side only.
 *
 * @example
 * const chromium = await launchChromium();
 * const agent = await chromium.newPeer();
 * const answer = await agent.answerOffer(caller.localDescription, { addMicFirst: true });
 * await caller.setRemoteAnswer(answer);
 * await agent.waitForConnection(); // 'connected'
 * await agent.sendDtmf('12#');
 * await chromium.close();
 */
export class BrowserPeer {
  readonly #context: BrowserContext;
  readonly #page: Page;
  #closed = false;

  private constructor(context: BrowserContext, page: Page) {
    this.#context = context;
    this.#page = page;
  }

  /** opens the peer page (served by `servePeerPage`) in a fresh browser context */
  static async open(browser: Browser, pageUrl: string): Promise<BrowserPeer> {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(pageUrl);
      await page.waitForFunction(() => 'ringsidePeer' in globalThis);
      return new BrowserPeer(context, page);
    } catch (error) {
      await context.close();
      throw error;
    }
  }

  /**
   * Answers an offer (the caller's, or a re-offer on the live call) and returns the answer SDP
   * with its candidates (gathering is awaited, within a bound). `addMicFirst: false` reproduces
   * the classic bug: the answer is created before the mic track is added, so it says recvonly
   * and no audio ever reaches the caller, although ICE and DTLS connect.
   */
  answerOffer(offer: string, options: { addMicFirst: boolean }): Promise<string> {
    return this.#call('answerOffer', {
      sdp: offer,
      addMicFirst: options.addMicFirst,
      gatherBoundMs: GATHER_BOUND_MS,
    });
  }

  /**
   * Starts a call offered by the browser, mic included (Messenger accept, WhatsApp outbound),
   * and returns the offer SDP with its candidates.
   */
  createOffer(): Promise<string> {
    return this.#call('createOffer', { gatherBoundMs: GATHER_BOUND_MS });
  }

  applyAnswer(answer: string): Promise<void> {
    return this.#call('applyAnswer', { sdp: answer });
  }

  /** resolves with the connection state once connected, failed or closed, or after the bound */
  waitForConnection(boundMs = 10_000): Promise<string> {
    return this.#call('waitForConnection', { boundMs });
  }

  /** plays keys through RTCDTMFSender (RFC 4733) and resolves when the last one has ended */
  sendDtmf(tones: string, timing: { durationMs?: number; gapMs?: number } = {}): Promise<void> {
    return this.#call('sendDtmf', {
      tones,
      durationMs: timing.durationMs ?? 100,
      gapMs: timing.gapMs ?? 70,
    });
  }

  /** the audio received from the caller: packets and energy */
  async inboundStats(): Promise<BrowserInboundStats> {
    const { packetsReceived, bytesReceived, totalAudioEnergy, audioLevel } = await this.stats();
    return { packetsReceived, bytesReceived, totalAudioEnergy, audioLevel };
  }

  /** the call's audio both ways, and the connection state */
  stats(): Promise<BrowserCallStats> {
    return this.#call('stats', {});
  }

  /** the audio transceiver's negotiated direction, e.g. 'sendrecv' or 'recvonly' */
  localDirection(): Promise<string | null> {
    return this.#call('localDirection', {});
  }

  /** mutes or unmutes as a console must: disabling the track, never removing it */
  setMicEnabled(enabled: boolean): Promise<void> {
    return this.#call('setMicEnabled', { enabled });
  }

  /** stops sending RTP (the sender's track is replaced by none); RTCP goes on */
  stopSending(): Promise<void> {
    return this.#call('stopSending', {});
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#call('close', {}).catch(() => {
      // the page may already be gone with its browser; closing the context is what matters
    });
    await this.#context.close();
  }

  async #call<K extends keyof PageApi>(
    method: K,
    argument: Parameters<PageApi[K]>[0],
  ): Promise<ReturnType<PageApi[K]>> {
    const result: unknown = await this.#page.evaluate(
      ([name, arg]) => {
        // runs in the page, where peer-page.ts defined ringsidePeer
        const api = (
          globalThis as unknown as { ringsidePeer: Record<string, (a: unknown) => unknown> }
        ).ringsidePeer;
        const method = api[name];
        if (!method) throw new Error(`the peer page has no ${name}()`);
        return method(arg);
      },
      [method, argument] as const,
    );
    // our own page answers in PageApi's shapes
    return result as ReturnType<PageApi[K]>;
  }
}
