import { afterAll, describe, expect, it } from 'vitest';
import { screenshots } from './support/artifacts';
import { useE2e } from './support/e2e-suite';
import { GestureFree, signInWithoutTouching } from './support/gesture-free';
import { eventually } from './support/poll';

// Chromium's real autoplay policy: sound only after the user clicked or typed in the page
const world = useE2e({ autoplay: 'after-gesture' });
const shots = screenshots('audio-unlock');
let quiet: GestureFree | undefined;
afterAll(async () => {
  await quiet?.detach().catch(() => undefined);
});

// What this proves: under Chromium's own policy, with no help from the harness (no autoplay
// flag, no gesture Playwright slips in), the agent's one click on Available is all it takes for
// the caller's voice to play. Note that Chromium also lets a page that holds the microphone
// play sound without any gesture, and the console keeps the microphone open while Available:
// in Chromium the sound would play even if that click were not a gesture (a scripted click
// passes this spec too). The gesture itself matters in browsers without that exemption.
describe('going Available, then audio under the real autoplay policy', () => {
  it("before the Available click sound is held back; after it, an answered call's voice plays", async () => {
    const { stack } = world();
    const alex = await world().openConsole();
    await signInWithoutTouching(alex.page, stack, alex.agent);
    await alex.page.goto(stack.url);
    const untouched = await GestureFree.attach(alex.page);
    quiet = untouched;
    await untouched.waitForButton('Available');

    // nothing has touched the page yet, and the browser really holds sound back
    expect(await untouched.hasBeenActive()).toBe(false);
    expect(await untouched.tryToPlay()).toBe('NotAllowedError');

    // the agent's one click
    await untouched.realClick('Available');
    await untouched.waitForButton('Available', { pressed: true });
    expect(await untouched.hasBeenActive()).toBe(true);

    const call = await stack.placeCall('whatsapp', 'Una Unlock');
    await untouched.waitForButton('Accept');
    // answered by script, not a click: the Available click stays the page's only gesture
    await untouched.scriptedClick('Accept');
    await call.waitFor('accepted', { timeoutMs: 15_000 });

    // the caller's voice plays in the console's audio element: it runs, not paused
    const first = await eventually(
      () => untouched.remoteAudio(),
      (a) => a.hasStream && !a.paused && a.currentTime > 1,
    );
    expect(first).toMatchObject({ present: true, hasStream: true, paused: false });
    expect(first.currentTime).toBeGreaterThan(1);
    // and it is heard: inbound audio energy rises while it plays
    const before = await eventually(
      () => untouched.inboundAudio(),
      (a) => a.packetsReceived > 100 && a.totalAudioEnergy > 0,
    );
    expect(before.packetsReceived).toBeGreaterThan(100);
    expect(before.totalAudioEnergy).toBeGreaterThan(0);
    const after = await eventually(
      () => untouched.inboundAudio(),
      (a) => a.totalAudioEnergy > before.totalAudioEnergy,
    );
    expect(after.totalAudioEnergy).toBeGreaterThan(before.totalAudioEnergy);
    const still = await untouched.remoteAudio();
    expect(still.paused).toBe(false);
    expect(still.currentTime).toBeGreaterThan(first.currentTime);

    await shots.take(alex.page, 'in-call');
    await alex.button('Hang up').click();
    await call.waitFor('ended', { timeoutMs: 10_000 });
  });
});
