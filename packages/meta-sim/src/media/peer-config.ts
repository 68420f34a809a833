import { RTCRtpCodecParameters, useOPUS, type RTCPeerConnectionConfig } from 'werift';

/** payload types as in Meta's offers (see the WhatsApp connect fixture) */
export const OPUS_PAYLOAD_TYPE = 111;
export const TELEPHONE_EVENT_PAYLOAD_TYPE = 126;

/**
 * werift settings for a Meta-like endpoint: ICE-lite, opus/48000/2 as 111 and
 * telephone-event/8000 as 126 only, no STUN/TURN, and a single IPv4 host candidate on `host`.
 *
 * Pinning the address: werift lists the machine's non-loopback interfaces only when
 * `iceUseIpv4`/`iceUseIpv6` are on (those flags do nothing else), so both are off and `host`
 * is named as the one extra host address, with the UDP socket bound to it.
 *
 * @example
 * const pc = new RTCPeerConnection(callerPeerConfig('127.0.0.1'));
 */
export function callerPeerConfig(host: string): RTCPeerConnectionConfig {
  return {
    iceLite: true,
    iceServers: [],
    iceUseIpv4: false,
    iceUseIpv6: false,
    iceAdditionalHostAddresses: [host],
    iceInterfaceAddresses: { udp4: host },
    codecs: {
      audio: [
        useOPUS({
          payloadType: OPUS_PAYLOAD_TYPE,
          parameters: 'minptime=10;useinbandfec=1',
        }),
        new RTCRtpCodecParameters({
          mimeType: 'audio/telephone-event',
          clockRate: 8000,
          payloadType: TELEPHONE_EVENT_PAYLOAD_TYPE,
        }),
      ],
    },
    headerExtensions: { audio: [] },
  };
}
