import { createMetaSim } from '@ringside/meta-sim';
import { servePeerPage } from '@ringside/meta-sim/testing';
import { launchBrowser, type MicrophoneSetup } from '../support/browser';

const mode = (process.argv[2] ?? 'beep') as string;
const mic: MicrophoneSetup = mode === 'beep' || mode === 'denied' ? mode : { wav: mode };
const sim = createMetaSim({ webhookUrl: null });
const simUrl = await sim.listen(0);
const server = await servePeerPage();
const browser = await launchBrowser(mic);
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(server.url);
const gum = await page.evaluate(async () => {
  try {
    const s = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true } });
    return 'ok ' + s.getAudioTracks()[0]?.label;
  } catch (e) { return 'error ' + (e as Error).name + ' ' + (e as Error).message; }
});
console.log('getUserMedia:', gum);
if (mode !== 'denied') {
  const call = await sim.placeCall({ channel: 'whatsapp', name: 'X' });
  const offer = call.media!.localDescription;
  const answer = await page.evaluate(async (sdp) => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true } });
    const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
    (window as any).pc = pc; (window as any).mic = stream.getAudioTracks()[0];
    pc.ontrack = (e) => { const a = new Audio(); a.srcObject = e.streams[0]!; void a.play(); };
    await pc.setRemoteDescription({ type: 'offer', sdp });
    pc.addTrack(stream.getAudioTracks()[0]!, stream);
    await pc.setLocalDescription(await pc.createAnswer());
    await new Promise((r) => setTimeout(r, 500));
    return pc.localDescription!.sdp;
  }, offer);
  const n = '115017831530658';
  for (const action of ['pre_accept', 'accept']) {
    const r = await fetch(`${simUrl}/v24.0/${n}/calls`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer sim-demo-token-whatsapp' }, body: JSON.stringify({ messaging_product: 'whatsapp', action, call_id: call.id, session: { sdp_type: 'answer', sdp: answer } }) });
    console.log(action, r.status);
  }
  for (let i = 0; i < 8; i++) { await new Promise((r) => setTimeout(r, 500)); const s = call.stats(); console.log('mic', i, s.packetsReceived, s.audioLevel.toFixed(4), s.peakAudioLevel.toFixed(4)); }
  // hold music like the console's
  await page.evaluate(async () => {
    const ctx = new AudioContext(); const dest = ctx.createMediaStreamDestination(); const master = ctx.createGain(); master.gain.value = 0.2; master.connect(dest);
    let next = ctx.currentTime + 0.05; let step = 0; const CH = [[261.63, 329.63, 392.0],[220.0, 261.63, 329.63],[174.61, 220.0, 261.63],[196.0, 246.94, 293.66]];
    setInterval(() => { while (next < ctx.currentTime + 1) { const f = CH[Math.floor(step / 6) % 4]![step % 3]!; const o = ctx.createOscillator(); const env = ctx.createGain(); o.type = 'triangle'; o.frequency.value = f; env.gain.setValueAtTime(0, next); env.gain.linearRampToValueAtTime(1, next + 0.02); env.gain.exponentialRampToValueAtTime(0.01, next + 0.48); o.connect(env).connect(master); o.start(next); o.stop(next + 0.51); next += 0.3; step++; } }, 250);
    const pc = (window as any).pc as RTCPeerConnection; await pc.getSenders()[0]!.replaceTrack(dest.stream.getAudioTracks()[0]!);
  });
  for (let i = 0; i < 8; i++) { await new Promise((r) => setTimeout(r, 500)); const s = call.stats(); console.log('music', i, s.packetsReceived, s.audioLevel.toFixed(4)); }
  await page.evaluate(async () => { const pc = (window as any).pc as RTCPeerConnection; await pc.getSenders()[0]!.replaceTrack((window as any).mic); (window as any).mic.enabled = false; });
  for (let i = 0; i < 6; i++) { await new Promise((r) => setTimeout(r, 500)); const s = call.stats(); console.log('muted', i, s.packetsReceived, s.audioLevel.toFixed(4)); }
}
await browser.close(); await server.close(); await sim.close();
