import { launchBrowser } from '../support/browser';
const browser = await launchBrowser('beep');
const page = await (await browser.newContext()).newPage();
const { servePeerPage } = await import('@ringside/meta-sim/testing'); const srv = await servePeerPage(); await page.goto(srv.url);
console.log(await page.evaluate(async () => {
  const s = await navigator.mediaDevices.getUserMedia({ audio: true });
  const t = s.getAudioTracks()[0]!;
  const out: string[] = [];
  for (const [label, track] of [['orig', t], ['clone', t.clone()]] as const) {
    const stream = new MediaStream([track]);
    const pc = new RTCPeerConnection();
    const sender = pc.addTrack(track, stream);
    const offer = await pc.createOffer();
    out.push(`${label}: track=${track.id} stream=${stream.id} sdp=${offer.sdp!.split('\r\n').filter((l) => l.startsWith('a=msid')).join('|')} senderTrack=${sender.track?.id}`);
  }
  return out.join('\n');
}));
await browser.close(); await srv.close();
