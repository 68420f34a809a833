// test helpers: SDP shaped like Meta's offers and Chromium's answers and offers

const CRLF = '\r\n';
const join = (lines: readonly string[]) => `${lines.join(CRLF)}${CRLF}`;

/** WhatsApp's offer as a real connect webhook carries it (ICE-lite, opus 111, DTMF 126) */
export const META_OFFER = join([
  'v=0',
  'o=- 1753115233717 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'a=group:BUNDLE audio',
  'a=msid-semantic: WMS 7dc1f8d4-d804-48bf-af97-8c6fe9973828',
  'a=ice-lite',
  'm=audio 3484 UDP/TLS/RTP/SAVPF 111 126',
  'c=IN IP4 57.144.125.35',
  'a=rtcp:9 IN IP4 0.0.0.0',
  'a=candidate:2776204705 1 udp 2122260223 57.144.125.35 3484 typ host generation 0 network-cost 50',
  'a=ice-ufrag:MkBWnyZXw+wMTKqA',
  'a=ice-pwd:X29zIx+RGAlhVLF1/lo0oQ==',
  'a=fingerprint:sha-256 D8:C5:19:9F:8C:AD:AA:21:24:7A:71:6B:4D:6D:54:BC:45:75:FA:AA:61:F8:13:E6:F5:7E:D9:14:1F:59:6D:5E',
  'a=setup:actpass',
  'a=mid:audio',
  'a=sendrecv',
  'a=msid:7dc1f8d4-d804-48bf-af97-8c6fe9973828 WhatsAppTrack1',
  'a=rtcp-mux',
  'a=rtpmap:111 opus/48000/2',
  'a=fmtp:111 minptime=20;useinbandfec=1',
  'a=rtpmap:126 telephone-event/8000',
  'a=ssrc:3435760938 cname:WhatsAppAudioStream1',
]);

/** one section of Meta's Messenger renegotiation offer (Appendix): opus only, setup:passive */
function renegotiationSection(
  kind: 'audio' | 'video',
  mid: string,
  direction: 'recvonly' | 'sendonly',
): string[] {
  const payload = kind === 'audio' ? '111' : '96';
  return [
    `m=${kind} 40007 UDP/TLS/RTP/SAVPF ${payload}`,
    'c=IN IP4 157.240.22.131',
    'a=rtcp:9 IN IP4 0.0.0.0',
    'a=candidate:716810591 1 udp 2122262784 2a03:2880:f231:d2:face:b00c:0:8c2 40007 typ host generation 1',
    'a=candidate:2958823651 1 udp 2122260224 157.240.22.131 40007 typ host generation 1',
    'a=candidate:4276087827 1 tcp 1518280448 157.240.22.131 3478 typ host tcptype passive generation 1',
    'a=ice-ufrag:EbT4cXksCyVKQMC//103',
    'a=ice-pwd:74O3IvX6AV9ulmb9udAmimux',
    'a=fingerprint:sha-256 4F:6E:0A:C8:9B:A5:E5:1B:25:C2:30:2C:F0:93:E3:99:5D:00:56:C3:1D:4E:45:26:38:00:88:87:CF:91:3B:57',
    'a=setup:passive',
    `a=mid:${mid}`,
    `a=${direction}`,
    ...(direction === 'sendonly'
      ? ['a=msid:499556708:yxYSY4D3OsewsKgu:DEFAULT 1116955618675631925']
      : ['a=msid:- 9d4611fa-fe03-4cad-81f1-63e4f764f358']),
    'a=rtcp-mux',
    'a=x-google-flag:conference',
    ...(kind === 'audio'
      ? [
          'a=rtpmap:111 opus/48000/2',
          'a=fmtp:111 maxaveragebitrate=20000;maxplaybackrate=16000;minptime=10;usedtx=1;useinbandfec=1',
        ]
      : ['a=rtpmap:96 VP8/90000']),
    ...(direction === 'sendonly' ? ['a=ssrc:1379106125 cname:499556708:yxYSY4D3OsewsKgu'] : []),
  ];
}

/**
 * Meta's Messenger `sdp_renegotiation` offer (Appendix): mid 0 recvonly (Meta hears us), mid 1
 * sendonly (the customer's voice); `withVideo` adds the two video sections of a video call.
 */
export function metaRenegotiation(withVideo = false): string {
  return join([
    'v=0',
    'o=- 8436422327585670287 3 IN IP4 127.0.0.1',
    's=-',
    't=0 0',
    `a=group:BUNDLE 0 1${withVideo ? ' 2 3' : ''}`,
    'a=msid-semantic: WMS 499556708:yxYSY4D3OsewsKgu:DEFAULT',
    'a=ice-lite',
    ...renegotiationSection('audio', '0', 'recvonly'),
    ...renegotiationSection('audio', '1', 'sendonly'),
    ...(withVideo
      ? [
          ...renegotiationSection('video', '2', 'recvonly'),
          ...renegotiationSection('video', '3', 'sendonly'),
        ]
      : []),
  ]);
}

/** Meta's answer to our offer; `setup` lets a test send the actpass Meta has been seen sending */
export function metaAnswer(setup: 'active' | 'actpass' = 'active'): string {
  return join([
    'v=0',
    'o=- 1753115233718 2 IN IP4 127.0.0.1',
    's=-',
    't=0 0',
    'a=group:BUNDLE 0',
    'a=ice-lite',
    'm=audio 3484 UDP/TLS/RTP/SAVPF 111 126',
    'c=IN IP4 57.144.125.35',
    'a=candidate:2776204705 1 udp 2122260223 57.144.125.35 3484 typ host generation 0',
    'a=ice-ufrag:MkBWnyZXw+wMTKqB',
    'a=ice-pwd:X29zIx+RGAlhVLF1/lo0oR==',
    'a=fingerprint:sha-256 D8:C5:19:9F:8C:AD:AA:21:24:7A:71:6B:4D:6D:54:BC:45:75:FA:AA:61:F8:13:E6:F5:7E:D9:14:1F:59:6D:5E',
    `a=setup:${setup}`,
    'a=mid:0',
    'a=sendrecv',
    'a=msid:meta-stream meta-track',
    'a=rtcp-mux',
    'a=rtpmap:111 opus/48000/2',
    'a=rtpmap:126 telephone-event/8000',
    'a=ssrc:1111 cname:meta',
  ]);
}

/**
 * What Chromium produces for our side: an answer (`setup:active`) or an offer (`actpass`).
 * With `sendingStream` the m-line sends our microphone; without it, it is the recvonly SDP a
 * browser makes when the answer was created before the track was added.
 */
export function chromiumSdp(
  kind: 'answer' | 'offer',
  sendingStream?: string,
  mid = kind === 'answer' ? 'audio' : '0',
): string {
  const sending = sendingStream !== undefined;
  return join([
    'v=0',
    'o=- 5497413985419530128 2 IN IP4 127.0.0.1',
    's=-',
    't=0 0',
    `a=group:BUNDLE ${mid}`,
    `a=msid-semantic: WMS${sending ? ` ${sendingStream}` : ''}`,
    'm=audio 54321 UDP/TLS/RTP/SAVPF 111 126',
    'c=IN IP4 192.168.1.23',
    'a=rtcp:9 IN IP4 0.0.0.0',
    'a=candidate:1467250027 1 udp 2122260223 192.168.1.23 54321 typ host generation 0 network-id 1',
    'a=ice-ufrag:Xw3f',
    'a=ice-pwd:Kp8dM2vQx7LrT9sYbN4cZ1aE',
    'a=fingerprint:sha-256 6B:8B:5D:EA:59:04:20:23:29:C8:87:1C:CC:87:32:BE:DD:8C:66:A5:8E:50:55:EA:2F:49:3F:17:89:2B:E2:51',
    `a=setup:${kind === 'answer' ? 'active' : 'actpass'}`,
    `a=mid:${mid}`,
    sending ? 'a=sendrecv' : 'a=recvonly',
    ...(sending ? [`a=msid:${sendingStream} sender-1`] : []),
    'a=rtcp-mux',
    'a=rtpmap:111 opus/48000/2',
    'a=rtpmap:126 telephone-event/8000',
    ...(sending ? ['a=ssrc:1938475621 cname:Qn7vR2xK9pLm4sTd'] : []),
  ]);
}
