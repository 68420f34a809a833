import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumHarness } from './chromium';

let chromium: ChromiumHarness;
beforeAll(async () => {
  chromium = await launchChromium();
}, 60_000);
afterAll(async () => {
  await chromium?.close();
});

describe('BrowserPeer', () => {
  it('creates an offer with the mic and its host candidates', async () => {
    const agent = await chromium.newPeer();
    const sdp = await agent.createOffer();
    expect(sdp).toMatch(/^m=audio /m);
    expect(sdp).toMatch(/^a=sendrecv\r?$/m);
    expect(sdp).toMatch(/^a=candidate:.* typ host/m);
    expect(sdp).toMatch(/^a=rtpmap:\d+ telephone-event\/8000\r?$/m);
    await agent.close();
  }, 30_000);

  it('says plainly when asked to act on a call that does not exist', async () => {
    const agent = await chromium.newPeer();
    await expect(agent.applyAnswer('v=0\r\n')).rejects.toThrow(/no call yet/);
    await expect(agent.sendDtmf('1')).rejects.toThrow(/no call yet/);
    await agent.close();
  }, 30_000);

  it('refuses new peers once the harness is closed', async () => {
    const harness = await launchChromium();
    await harness.close();
    await expect(harness.newPeer()).rejects.toThrow(/closed/);
  }, 30_000);
});
