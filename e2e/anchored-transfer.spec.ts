import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/accessibility';
import { LEVELS } from './support/audio-levels';
import { expectAudioBothWays } from './support/calls';
import { useE2e } from './support/e2e-suite';
import { eventually, sample } from './support/poll';
import { meanLevelOverASecond } from './support/playout';

// transfers of an anchored WhatsApp call between two agents' consoles in Chromium, the
// customer a simulated WhatsApp client on a real Janus engine (issue #15 item 1); audio is
// measured at every far end: the customer's decoded level, each browser's playout energy
const world = useE2e({
  anchored: true,
  agents: ['Eve Agent', 'Finn Agent', 'Gus Agent', 'Hana Agent', 'Ivy Agent', 'Jon Agent'],
});

// what a browser hears must be a person, not the mixer's silence: mean level over a second
const AUDIBLE_RMS = 0.05;
// the hold music is soft (a decaying arpeggio): clearly above silence, below a voice
const MUSIC_FLOOR = 0.01;

describe('transferring an anchored call in the console', () => {
  it('cold: the customer hears hold music, the colleague accepts and talks with them; the first agent wraps up', async () => {
    const { stack } = world();
    const anchor = stack.anchor ?? expect.fail('the stack started without its engine');
    const eve = await world().availableAgent(0);
    const finn = await world().availableAgent(1);
    const call = await stack.placeCall('whatsapp', 'Lina Haddad');
    await eve.acceptCallFrom('Lina Haddad');
    await call.waitFor('accepted', { timeoutMs: 20_000 });
    await expectAudioBothWays(call, eve);

    // Eve falls quiet first: what the customer hears next can only be the music
    await eve.button('Mute').click();
    await eventually(
      () => call.stats(),
      (s) => s.audioLevel < LEVELS.silence,
    );
    await eve.page.getByRole('button', { name: 'Transfer', exact: true }).click();
    await eve.page
      .getByRole('combobox', { name: 'Transfer to' })
      .selectOption({ label: 'Finn Agent' });
    await expectAccessible(eve.page, 'agent choosing whom to transfer to');
    await eve.page.getByRole('button', { name: 'Transfer now' }).click();
    await eve.page.getByText('Transferring to Finn Agent').waitFor();

    const music = await eventually(
      () => call.stats(),
      (s) => s.audioLevel > MUSIC_FLOOR,
    );
    expect(music.audioLevel).toBeGreaterThan(MUSIC_FLOOR);
    expect(music.audioLevel).toBeLessThan(LEVELS.musicCeiling);
    // Eve no longer hears the customer (the second her leg moved may still carry their voice)
    const eveHears = await eventually(
      () => meanLevelOverASecond(eve),
      (level) => level < LEVELS.silence,
      { timeoutMs: 10_000 },
    );
    process.stderr.write(
      `e2e: on hold, the customer hears music at ${music.audioLevel.toFixed(3)}, Eve ${eveHears.toFixed(4)}\n`,
    );
    expect(eveHears).toBeLessThan(LEVELS.silence);

    await finn.page.getByText('Transfer from Eve Agent').waitFor();
    await expectAccessible(finn.page, 'agent offered a transfer');
    await finn.page.getByRole('button', { name: 'Accept transfer' }).click();

    // Finn's console joins with a fresh leg: he hears the customer, the customer hears him
    const finnHears = await eventually(
      () => finn.audio(),
      (a) => a.connectionState === 'connected' && a.packetsReceived > 50,
      { timeoutMs: 20_000 },
    );
    expect(finnHears.connectionState).toBe('connected');
    expect(await meanLevelOverASecond(finn)).toBeGreaterThan(AUDIBLE_RMS);
    const hearsFinn = await eventually(
      () => call.stats(),
      (s) => s.audioLevel > LEVELS.voice,
    );
    expect(hearsFinn.audioLevel).toBeGreaterThan(LEVELS.voice);
    await finn.button('Hang up').waitFor();
    // Eve's part is over: wrap-up says where the call went, and her leg left the engine
    await eve.page.getByText('Transferred to Finn Agent').first().waitFor();
    await eve.button('Save').waitFor();
    expect(anchor.roomOf(call.id)?.room.legIds.sort()).toEqual(['agent', 'customer']);
    await expectAccessible(eve.page, 'agent after handing a call over');

    expect(call.state).toBe('accepted');
    await finn.button('Hang up').click();
    await call.waitFor('ended', { timeoutMs: 10_000 });
  });

  it('warm: the two agents talk while the customer hears hold music; completing hands the call over', async () => {
    const { stack } = world();
    const gus = await world().availableAgent(2);
    const hana = await world().availableAgent(3);
    const call = await stack.placeCall('whatsapp', 'Omar Farouk');
    await gus.acceptCallFrom('Omar Farouk');
    await call.waitFor('accepted', { timeoutMs: 20_000 });
    await expectAudioBothWays(call, gus);

    await gus.page.getByRole('button', { name: 'Transfer', exact: true }).click();
    await gus.page
      .getByRole('combobox', { name: 'Transfer to' })
      .selectOption({ label: 'Hana Agent' });
    await gus.page.getByRole('button', { name: 'Consult first' }).click();
    await hana.page.getByText('Transfer from Gus Agent').waitFor();
    await hana.page.getByRole('button', { name: 'Accept transfer' }).click();
    await gus.page.getByText('Talking with Hana Agent').waitFor();
    await hana.page.getByText('On a line with Gus Agent').waitFor();
    await expectAccessible(hana.page, 'agent consulting on a transfer');
    await expectAccessible(gus.page, 'agent consulting a colleague');

    // the two agents hear each other (both microphones talk) ...
    const consult = await eventually(
      () => hana.audio(),
      (a) => a.connectionState === 'connected' && a.packetsReceived > 50,
      { timeoutMs: 20_000 },
    );
    expect(consult.packetsSent).toBeGreaterThan(0);
    expect(await meanLevelOverASecond(hana)).toBeGreaterThan(AUDIBLE_RMS);
    expect(await meanLevelOverASecond(gus)).toBeGreaterThan(AUDIBLE_RMS);
    // ... while the customer hears the music, never a voice
    const heard = await sample(() => call.stats().audioLevel, 1_500, 100);
    expect(Math.min(...heard)).toBeGreaterThan(MUSIC_FLOOR);
    expect(Math.max(...heard)).toBeLessThan(LEVELS.musicCeiling);

    await gus.page.getByRole('button', { name: 'Complete transfer' }).click();
    await gus.page.getByText('Transferred to Hana Agent').first().waitFor();
    // Hana's consult closes and her console joins the customer on a fresh leg
    const hearsHana = await eventually(
      () => call.stats(),
      (s) => s.audioLevel > LEVELS.voice,
      { timeoutMs: 20_000 },
    );
    expect(hearsHana.audioLevel).toBeGreaterThan(LEVELS.voice);
    await eventually(
      () => hana.audio(),
      (a) => a.connectionState === 'connected' && a.packetsReceived > 50,
    );
    expect(await meanLevelOverASecond(hana)).toBeGreaterThan(AUDIBLE_RMS);
    await hana.button('Hang up').click();
    await call.waitFor('ended', { timeoutMs: 10_000 });
  });

  it('to a queue: the line’s available agents are all offered it, the first to accept takes it and talks with the customer', async () => {
    const { stack } = world();
    const ivy = await world().availableAgent(4);
    const jon = await world().availableAgent(5);
    const call = await stack.placeCall('whatsapp', 'Pia Larsen');
    await ivy.acceptCallFrom('Pia Larsen');
    await call.waitFor('accepted', { timeoutMs: 20_000 });
    await expectAudioBothWays(call, ivy);

    await ivy.page.getByRole('button', { name: 'Transfer', exact: true }).click();
    const queue = ivy.page.getByRole('option', { name: / queue \(\d+ available\)$/ }).first();
    const label = (await queue.textContent()) ?? '';
    const line = label.replace(/ queue \(\d+ available\)$/, '');
    await ivy.page.getByRole('combobox', { name: 'Transfer to' }).selectOption({ label });
    await ivy.page.getByRole('button', { name: 'Transfer now' }).click();
    await ivy.page.getByText(`Transferring to the ${line} queue`).waitFor();
    await jon.page.getByText(`Sent to the ${line} queue`).waitFor();
    await jon.page.getByRole('button', { name: 'Accept transfer' }).click();

    const hearsJon = await eventually(
      () => call.stats(),
      (s) => s.audioLevel > LEVELS.voice,
      { timeoutMs: 20_000 },
    );
    expect(hearsJon.audioLevel).toBeGreaterThan(LEVELS.voice);
    await eventually(
      () => jon.audio(),
      (a) => a.connectionState === 'connected' && a.packetsReceived > 50,
    );
    expect(await meanLevelOverASecond(jon)).toBeGreaterThan(AUDIBLE_RMS);
    await ivy.page.getByText('Transferred to Jon Agent').first().waitFor();
    await jon.button('Hang up').click();
    await call.waitFor('ended', { timeoutMs: 10_000 });
  });
});
