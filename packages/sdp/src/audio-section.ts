import type { MediaDescription } from 'sdp-transform';
import type { ParsedSdp } from './parse-sdp';
import { refuse } from './sdp-error';
import type { Step } from './sdp-error';

/** the one audio m-section, and the m-section whose transport it uses (itself unless bundled) */
export interface AudioSection {
  audio: MediaDescription;
  transport: MediaDescription;
}

// dtls-srtp over udp or tcp; plain rtp/avp or sdes would never connect to Meta
const DTLS_SRTP_PROTOCOL = /^(UDP|TCP)\/(TLS|DTLS)\/RTP\/SAVPF?$/;

/** finds exactly one live, DTLS-SRTP audio m-section; other media kinds are left alone */
export function findAudioSection(sdp: ParsedSdp): Step<AudioSection> {
  const sections = mediaSections(sdp);
  const audios = sections.filter((section) => section.type === 'audio');
  const [audio] = audios;
  if (audio === undefined) return refuse('no-audio', 'the SDP has no audio m-line');
  if (audios.length > 1) {
    return refuse(
      'multiple-audio',
      `the SDP has ${audios.length} audio m-lines; exactly one is expected`,
    );
  }
  if (typeof audio.port !== 'number') {
    return refuse('no-audio', 'the audio m-line has no valid port');
  }
  if (audio.port === 0) return refuse('no-audio', 'the audio m-line is rejected (port 0)');
  if (!DTLS_SRTP_PROTOCOL.test(String(audio.protocol))) {
    return refuse(
      'bad-protocol',
      `the audio m-line uses ${String(audio.protocol)}, not DTLS-SRTP (UDP/TLS/RTP/SAVPF)`,
    );
  }
  return { ok: true, value: { audio, transport: bundleTransport(sections, sdp, audio) } };
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
