import type { Page } from 'playwright-core';

/** one m-section's audio, from the console's newest peer connection */
export interface MidAudio {
  /** inbound-rtp: what arrived on this section */
  packetsReceived: number;
  /** grows only while audio received on this section plays out with some level */
  totalAudioEnergy: number;
  /** outbound-rtp: what the browser sent on this section */
  packetsSent: number;
}

/**
 * The call's audio split by m-section (`mid`), from the newest peer connection the RTC probe
 * recorded: on Messenger, Meta sends the customer's voice on mid 1 only and receives the
 * agent's on mid 0. Sections with no stats yet are absent.
 *
 * @example
 * const byMid = await readAudioByMid(alex.page);
 * byMid['1']?.packetsReceived; // the customer's voice
 */
export function readAudioByMid(page: Page): Promise<Record<string, MidAudio>> {
  return page.evaluate(async () => {
    const probe = (window as unknown as { __ringsideE2e?: { peers: RTCPeerConnection[] } })
      .__ringsideE2e;
    if (!probe) throw new Error('the RTC probe is not installed on this page');
    const pc = probe.peers.at(-1);
    const byMid: Record<string, MidAudio> = {};
    if (!pc) return byMid;
    (await pc.getStats()).forEach(
      (entry: {
        type?: string;
        kind?: string;
        mid?: string;
        packetsReceived?: number;
        totalAudioEnergy?: number;
        packetsSent?: number;
      }) => {
        if (entry.kind !== 'audio') return;
        if (entry.type !== 'inbound-rtp' && entry.type !== 'outbound-rtp') return;
        const mid = entry.mid ?? '?';
        const audio = (byMid[mid] ??= { packetsReceived: 0, totalAudioEnergy: 0, packetsSent: 0 });
        if (entry.type === 'inbound-rtp') {
          audio.packetsReceived += entry.packetsReceived ?? 0;
          audio.totalAudioEnergy += entry.totalAudioEnergy ?? 0;
        } else {
          audio.packetsSent += entry.packetsSent ?? 0;
        }
      },
    );
    return byMid;
  });
}
