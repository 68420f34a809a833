import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The browser side of a test call, run in Chromium as a business agent's console would:
 * the fake microphone, one RTCPeerConnection, the remote audio playing in an <audio> element
 * (Chromium reports audioLevel and totalAudioEnergy only for played-out audio). It exposes
 * `globalThis.ringsidePeer`, which {@link BrowserPeer} drives. Plain JS: the page has no build.
 */
const PEER_SCRIPT = String.raw`
'use strict';
const state = { pc: null, mic: null, audio: document.getElementById('remote') };

// processing off: the fake mic's beep must reach the far end at a measurable level
async function microphone() {
  state.mic ??= await navigator.mediaDevices.getUserMedia({
    audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
  });
  return state.mic;
}

function newPeerConnection() {
  state.pc?.close();
  const pc = new RTCPeerConnection({ iceServers: [], bundlePolicy: 'max-bundle' });
  pc.ontrack = (event) => {
    state.audio.srcObject = event.streams[0] ?? new MediaStream([event.track]);
    state.audio.play().catch(() => {});
  };
  state.pc = pc;
  return pc;
}

function requirePeerConnection() {
  if (!state.pc) throw new Error('no call yet: answerOffer or createOffer first');
  return state.pc;
}

function gathered(pc, boundMs) {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', check);
      resolve();
    };
    const check = () => { if (pc.iceGatheringState === 'complete') finish(); };
    const timer = setTimeout(finish, boundMs);
    pc.addEventListener('icegatheringstatechange', check);
  });
}

globalThis.ringsidePeer = {
  async answerOffer({ sdp, addMicFirst, gatherBoundMs }) {
    const stream = await microphone();
    const track = stream.getAudioTracks()[0];
    // a later offer on a live call is a re-offer: answer it on the same connection
    const pc = state.pc && state.pc.signalingState !== 'closed' ? state.pc : newPeerConnection();
    await pc.setRemoteDescription({ type: 'offer', sdp });
    const micSent = pc.getSenders().some((sender) => sender.track === track);
    if (addMicFirst && !micSent) pc.addTrack(track, stream);
    await pc.setLocalDescription(await pc.createAnswer());
    // the classic bug: the track comes after the answer, which already said recvonly
    if (!addMicFirst && !micSent) pc.addTrack(track, stream);
    // past the bound, hand out what was gathered: the SDP must still go out
    await gathered(pc, gatherBoundMs);
    return pc.localDescription.sdp;
  },

  async createOffer({ gatherBoundMs }) {
    const stream = await microphone();
    const pc = newPeerConnection();
    pc.addTrack(stream.getAudioTracks()[0], stream);
    await pc.setLocalDescription(await pc.createOffer());
    // past the bound, hand out what was gathered: the SDP must still go out
    await gathered(pc, gatherBoundMs);
    return pc.localDescription.sdp;
  },

  async applyAnswer({ sdp }) {
    await requirePeerConnection().setRemoteDescription({ type: 'answer', sdp });
  },

  async waitForConnection({ boundMs }) {
    const pc = requirePeerConnection();
    const settled = () => ['connected', 'failed', 'closed'].includes(pc.connectionState);
    if (!settled()) {
      await new Promise((resolve) => {
        const finish = () => {
          clearTimeout(timer);
          pc.removeEventListener('connectionstatechange', check);
          resolve();
        };
        const check = () => { if (settled()) finish(); };
        const timer = setTimeout(finish, boundMs);
        pc.addEventListener('connectionstatechange', check);
      });
    }
    return pc.connectionState;
  },

  async sendDtmf({ tones, durationMs, gapMs }) {
    const sender = requirePeerConnection().getSenders().find((s) => s.track?.kind === 'audio');
    if (!sender?.dtmf) throw new Error('no audio sender to send DTMF on');
    if (!sender.dtmf.canInsertDTMF) throw new Error('DTMF cannot be sent on this call (no telephone-event negotiated, or not sending)');
    const boundMs = tones.length * (durationMs + gapMs) + 3000;
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('DTMF tones did not finish in time')), boundMs);
      sender.dtmf.ontonechange = (event) => {
        if (event.tone === '') { clearTimeout(timer); resolve(); }
      };
      sender.dtmf.insertDTMF(tones, durationMs, gapMs);
    });
  },

  async stats() {
    const report = await requirePeerConnection().getStats();
    const result = {
      connectionState: state.pc.connectionState,
      packetsReceived: 0, bytesReceived: 0, totalAudioEnergy: 0, audioLevel: 0, packetsSent: 0,
      receivedByMid: {},
    };
    report.forEach((entry) => {
      if (entry.type === 'inbound-rtp' && entry.kind === 'audio') {
        result.receivedByMid[entry.mid ?? '?'] = {
          packetsReceived: entry.packetsReceived ?? 0,
          totalAudioEnergy: entry.totalAudioEnergy ?? 0,
        };
        result.packetsReceived += entry.packetsReceived ?? 0;
        result.bytesReceived += entry.bytesReceived ?? 0;
        result.totalAudioEnergy += entry.totalAudioEnergy ?? 0;
        result.audioLevel = Math.max(result.audioLevel, entry.audioLevel ?? 0);
      }
      if (entry.type === 'outbound-rtp' && entry.kind === 'audio') {
        result.packetsSent += entry.packetsSent ?? 0;
      }
    });
    return result;
  },

  async localDirection() {
    return requirePeerConnection().getTransceivers()[0]?.currentDirection ?? null;
  },

  async setMicEnabled({ enabled }) {
    const stream = await microphone();
    for (const track of stream.getAudioTracks()) track.enabled = enabled;
  },

  // sends no audio at all, as a browser with nothing to send does; RTCP goes on
  async stopSending() {
    for (const sender of state.pc?.getSenders() ?? []) {
      if (sender.track?.kind === 'audio') await sender.replaceTrack(null);
    }
  },

  async close() {
    state.pc?.close();
    state.pc = null;
    for (const track of state.mic?.getTracks() ?? []) track.stop();
    state.mic = null;
  },
};
`;

/** the whole page: no external files, so nothing leaves 127.0.0.1 */
export const PEER_PAGE_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Ringside test peer</title></head>
<body>
<audio id="remote" autoplay></audio>
<script>${PEER_SCRIPT}</script>
</body>
</html>
`;

export interface PeerPageServer {
  /** http://127.0.0.1:<port>/, a secure context (localhost is trustworthy) as WebRTC needs */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves {@link PEER_PAGE_HTML} on 127.0.0.1 on a free port.
 *
 * @example
 * const server = await servePeerPage();
 * await page.goto(server.url);
 * await server.close();
 */
export async function servePeerPage(): Promise<PeerPageServer> {
  const server = createServer((request, response) => {
    if (request.method === 'GET' && (request.url === '/' || request.url === '/index.html')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(PEER_PAGE_HTML);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        // the browser may keep an idle keep-alive connection open
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
