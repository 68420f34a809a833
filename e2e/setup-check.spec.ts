import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/accessibility';
import { screenshots } from './support/artifacts';
import { useE2e } from './support/e2e-suite';
import { sample } from './support/poll';
import { meterValue, SetupPage } from './support/setup-page';

// a real TURN relay (coturn) on loopback, handed to the console with credentials, over UDP
const world = useE2e({ relayOnly: 'udp' });
const shots = screenshots('setup-check');
// the console that ran the test, whose browser keeps the result
let tested: SetupPage | undefined;
let testedBy: Awaited<ReturnType<ReturnType<typeof world>['openConsole']>> | undefined;

describe('Test my setup, with a TURN relay', () => {
  it('hears the microphone, reaches the relay, and measures round trip and loss through it', async () => {
    const alex = await world().openConsole();
    await alex.signIn();
    expect(await alex.text()).toContain('Not tested in this browser yet.');
    const setup = await SetupPage.open(alex);
    await setup.start();

    // the meter follows the (fake) voice while the test listens
    await setup.meter.waitFor();
    const levels = await sample(() => meterValue(setup.meter), 2500, 100);
    expect(Math.max(...levels)).toBeGreaterThan(60);
    expect(new Set(levels.filter((v) => v >= 0)).size).toBeGreaterThan(1);

    await setup.finished();
    await shots.take(setup.page, 'finished');
    await expectAccessible(setup.page, 'setup check');
    const microphone = await setup.text('Microphone');
    expect(microphone).toContain('Passed');
    expect(microphone).toContain('We hear you clearly.');

    const relay = await setup.text('Relay server (TURN)');
    expect(relay).toContain('Passed');
    expect(relay).toContain('The relay server answers over UDP.');
    expect(relay).toMatch(/UDP: answered in \d+ ms/);

    const network = await setup.text('Connection quality');
    process.stdout.write(`setup check through the relay: ${network.replace(/\s+/g, ' ')}\n`);
    expect(network).toContain('Passed');
    const rtt = Number(/Round trip: (\d+) ms/.exec(network)?.[1]);
    const loss = Number(/Packets lost: ([\d.]+) %/.exec(network)?.[1]);
    // loopback: a few milliseconds there and back, nothing lost
    expect(rtt).toBeGreaterThanOrEqual(0);
    expect(rtt).toBeLessThan(100);
    expect(loss).toBeLessThan(3);
    expect(network).toMatch(/Jitter: \d+ ms/);
    tested = setup;
    testedBy = alex;
  });

  it('plays the test tone on the speaker and takes the agent’s answer', async () => {
    const alex = await world().openConsole();
    await alex.signIn();
    const setup = await SetupPage.open(alex);
    const speaker = setup.section('Speaker');
    await speaker.getByRole('button', { name: 'Play test tone' }).click();
    // the tone really plays, on an element of its own routed like the caller's voice
    const playing = await setup.page.evaluate(() => {
      const element = document.querySelector<HTMLAudioElement>(
        'audio[data-ringside="speaker-test"]',
      );
      const track = (element?.srcObject as MediaStream | null)?.getAudioTracks()[0];
      return { paused: element?.paused ?? true, track: track?.readyState ?? 'none' };
    });
    expect(playing).toEqual({ paused: false, track: 'live' });
    await speaker.getByText('Did you hear the tone?').waitFor();
    await speaker.getByRole('button', { name: 'Yes, I heard it' }).click();
    expect(await speaker.innerText()).toContain('You heard the test tone.');
  });

  it('keeps the result: the agent view says when it passed, and going Available shows no warning', async () => {
    if (!tested || !testedBy) throw new Error('the first test did not finish its run');
    await tested.backToCalls();
    const alex = testedBy;
    await alex.goAvailable();
    const text = await alex.text();
    expect(text).toMatch(/Last tested today at [^:]+:\d\d.*: all good\./);
    expect(text).not.toContain('Your last setup test found a problem');
    expect(text).not.toContain('We hear nothing from your microphone');
  });
});
