import { joinSdp } from './sdp-lines';

// hand-written in the shape Chromium (M12x) produces for an audio-only call, with the mic
// track added before createAnswer / createOffer and ICE gathering complete

/** `MediaStream.id` of the microphone stream in the samples */
export const MIC_STREAM_ID = '3f1c9a52-8d7e-4b6a-9c3e-2b7d1e4f6a80';
/** `MediaStreamTrack.id` of the microphone track in the samples */
export const MIC_TRACK_ID = '8c2d4e6f-1a3b-4c5d-9e7f-0a1b2c3d4e5f';

const FINGERPRINT =
  'a=fingerprint:sha-256 6B:8B:5D:EA:59:04:20:23:29:C8:87:1C:CC:87:32:BE:DD:8C:66:A5:8E:50:55:EA:2F:49:3F:17:89:2B:E2:51';

/** Chromium's answer to the WhatsApp offer fixture (mid `audio`, opus 111, DTMF 126) */
export const CHROMIUM_ANSWER = joinSdp([
  'v=0',
  'o=- 5497413985419530128 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'a=group:BUNDLE audio',
  `a=msid-semantic: WMS ${MIC_STREAM_ID}`,
  'm=audio 54321 UDP/TLS/RTP/SAVPF 111 126',
  'c=IN IP4 192.168.1.23',
  'a=rtcp:9 IN IP4 0.0.0.0',
  'a=candidate:1467250027 1 udp 2122260223 192.168.1.23 54321 typ host generation 0 network-id 1 network-cost 10',
  'a=candidate:2796383247 1 udp 2122194687 10.0.0.5 61842 typ host generation 0 network-id 2 network-cost 10',
  'a=candidate:435653019 1 tcp 1518280447 192.168.1.23 9 typ host tcptype active generation 0 network-id 1 network-cost 10',
  'a=ice-ufrag:Xw3f',
  'a=ice-pwd:Kp8dM2vQx7LrT9sYbN4cZ1aE',
  'a=ice-options:trickle',
  FINGERPRINT,
  'a=setup:active',
  'a=mid:audio',
  'a=sendrecv',
  `a=msid:${MIC_STREAM_ID} ${MIC_TRACK_ID}`,
  'a=rtcp-mux',
  'a=rtpmap:111 opus/48000/2',
  'a=rtcp-fb:111 transport-cc',
  'a=fmtp:111 minptime=10;useinbandfec=1',
  'a=rtpmap:126 telephone-event/8000',
  'a=ssrc:1938475621 cname:Qn7vR2xK9pLm4sTd',
]);

/** Chromium's offer for an outbound or Messenger call (mid `0`, opus 111, DTMF 126 at 8 kHz) */
export const CHROMIUM_OFFER = joinSdp([
  'v=0',
  'o=- 8127465384629175093 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'a=group:BUNDLE 0',
  'a=extmap-allow-mixed',
  `a=msid-semantic: WMS ${MIC_STREAM_ID}`,
  'm=audio 49203 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126',
  'c=IN IP4 192.168.1.23',
  'a=rtcp:9 IN IP4 0.0.0.0',
  'a=candidate:1467250027 1 udp 2122260223 192.168.1.23 49203 typ host generation 0 network-id 1 network-cost 10',
  'a=candidate:435653019 1 tcp 1518280447 192.168.1.23 9 typ host tcptype active generation 0 network-id 1 network-cost 10',
  'a=ice-ufrag:Hq2v',
  'a=ice-pwd:aG7kP3xQ9mLw2sVb8nRt5cYz',
  'a=ice-options:trickle',
  FINGERPRINT,
  'a=setup:actpass',
  'a=mid:0',
  'a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level',
  'a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time',
  'a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01',
  'a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid',
  'a=sendrecv',
  `a=msid:${MIC_STREAM_ID} ${MIC_TRACK_ID}`,
  'a=rtcp-mux',
  'a=rtcp-rsize',
  'a=rtpmap:111 opus/48000/2',
  'a=rtcp-fb:111 transport-cc',
  'a=fmtp:111 minptime=10;useinbandfec=1',
  'a=rtpmap:63 red/48000/2',
  'a=fmtp:63 111/111',
  'a=rtpmap:9 G722/8000',
  'a=rtpmap:0 PCMU/8000',
  'a=rtpmap:8 PCMA/8000',
  'a=rtpmap:13 CN/8000',
  'a=rtpmap:110 telephone-event/48000',
  'a=rtpmap:126 telephone-event/8000',
  'a=ssrc:2894436513 cname:Qn7vR2xK9pLm4sTd',
  `a=ssrc:2894436513 msid:${MIC_STREAM_ID} ${MIC_TRACK_ID}`,
]);
