import { describe, expect, it } from 'vitest';
import { useE2e } from './support/e2e-suite';
import { SetupPage } from './support/setup-page';

// no STUN or TURN configured: consoles connect on direct paths only
const world = useE2e();

describe('Test my setup, with no relay set up', () => {
  it('says the network check covers direct paths only and measures the round trip to the server', async () => {
    const alex = await world().openConsole();
    await alex.signIn();
    const setup = await SetupPage.open(alex);
    await setup.start();
    await setup.finished();

    const relay = await setup.text('Relay server (TURN)');
    expect(relay).toContain('Note');
    expect(relay).toContain(
      'No relay (TURN) server is set up for your workspace, so this test checks direct network paths only.',
    );

    const network = await setup.text('Connection quality');
    process.stdout.write(`setup check without a relay: ${network.replace(/\s+/g, ' ')}\n`);
    expect(network).toContain('Passed');
    expect(network).toMatch(/A round trip to Ringside's server takes \d+ ms: fine for calls\./);
    expect(network).toContain('Packets lost: not measurable without a relay server');
    const rtt = Number(/Round trip: (\d+) ms/.exec(network)?.[1]);
    expect(rtt).toBeLessThan(100);
  });
});
