import type { MediaDescription } from 'sdp-transform';
import type { ParsedSdp } from './parse-sdp';
import { refuse } from './sdp-error';
import type { Step } from './sdp-error';
import { readDirection } from './track';
import type { SdpDirection } from './track';

/** one live audio m-section, and the m-section whose transport it uses (itself unless bundled) */
export interface AudioSection {
  audio: MediaDescription;
  transport: MediaDescription;
  direction: SdpDirection;
}

/**
 * Every m-section of an SDP as a summary reports it. `direction` is as the SDP's writer sees
 * it: in Meta's Messenger renegotiation mid 0 is `recvonly` (Meta receives the business's
 * voice) and mid 1 `sendonly` (the customer's voice).
 */
export interface SdpSection {
  /** `a=mid`, or null when the section has none */
  mid: string | null;
  /** `audio`, `video`, `application`… */
  kind: string;
  direction: SdpDirection;
  /** port 0: the section is declined */
  declined: boolean;
}

// dtls-srtp over udp or tcp; plain rtp/avp or sdes would never connect to Meta
const DTLS_SRTP_PROTOCOL = /^(UDP|TCP)\/(TLS|DTLS)\/RTP\/SAVPF?$/;

/**
 * Finds every live (port ≠ 0), DTLS-SRTP audio m-section, in m-line order; other media kinds
 * are left alone. Meta's Messenger renegotiation offer has two (mid 0 and mid 1).
 */
export function findAudioSections(sdp: ParsedSdp): Step<AudioSection[]> {
  const sections = mediaSections(sdp);
  const audios = sections.filter((section) => section.type === 'audio');
  if (audios.length === 0) return refuse('no-audio', 'the SDP has no audio m-line');
  const live: AudioSection[] = [];
  for (const audio of audios) {
    if (typeof audio.port !== 'number') {
      return refuse('no-audio', `audio m-line ${describeMid(audio)} has no valid port`);
    }
    if (audio.port === 0) continue;
    if (!DTLS_SRTP_PROTOCOL.test(String(audio.protocol))) {
      return refuse(
        'bad-protocol',
        `audio m-line ${describeMid(audio)} uses ${String(audio.protocol)}, not DTLS-SRTP (UDP/TLS/RTP/SAVPF)`,
      );
    }
    live.push({
      audio,
      transport: bundleTransport(sections, sdp, audio),
      direction: readDirection(sdp, audio),
    });
  }
  if (live.length === 0) return refuse('no-audio', 'every audio m-line is rejected (port 0)');
  return { ok: true, value: live };
}

/** every m-section, summarised */
export function listSections(sdp: ParsedSdp): SdpSection[] {
  return mediaSections(sdp).map((section) => ({
    mid: section.mid === undefined ? null : String(section.mid),
    kind: String(section.type),
    direction: readDirection(sdp, section),
    declined: section.port === 0,
  }));
}

/** `mid 1`, or the m-line's place when it has no mid, for error messages */
export function describeMid(section: MediaDescription): string {
  return section.mid === undefined ? '(no mid)' : `mid ${String(section.mid)}`;
}

function mediaSections(sdp: ParsedSdp): MediaDescription[] {
  // the parser always sets media, but a hand-made object might not
  return Array.isArray(sdp.media) ? sdp.media : [];
}

// rfc 9143: bundled m-sections share the transport of the group's first (tagged) m-section
function bundleTransport(
  sections: MediaDescription[],
  sdp: ParsedSdp,
  audio: MediaDescription,
): MediaDescription {
  if (audio.mid === undefined) return audio;
  const audioMid = String(audio.mid);
  const groups = Array.isArray(sdp.groups) ? sdp.groups : [];
  for (const group of groups) {
    if (group.type !== 'BUNDLE') continue;
    const mids = String(group.mids).trim().split(/\s+/);
    if (!mids.includes(audioMid)) continue;
    const tagged = sections.find((section) => String(section.mid) === mids[0]);
    return tagged ?? audio;
  }
  return audio;
}
