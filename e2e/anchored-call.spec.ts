import { describe, expect, it } from 'vitest';
import { validateLocalAnswer } from '@ringside/sdp';
import { expectAccessible } from './support/accessibility';
import { LEVELS } from './support/audio-levels';
import { expectAudioBothWays } from './support/calls';
import { useE2e } from './support/e2e-suite';
import { loadedDuration } from './support/media-element';
import { eventually, sample } from './support/poll';
import { meanLevelOverASecond } from './support/playout';
import { E2E_REJOIN_GRACE_MS } from './support/stack';
import { openStaffConsole } from './support/staff';

// the WhatsApp number's calls are anchored on a real Janus engine the stack starts; each test
// has its own agent, so one left on a call by a failure does not fail the next
const world = useE2e({
  anchored: true,
  agents: ['Alex Agent', 'Bea Agent', 'Cleo Agent', 'Dev Agent', 'Eli Agent'],
});

// what the agent hears must be the caller, not the mixer's silence: mean level over a second
const AUDIBLE_RMS = 0.05;

describe('an anchored WhatsApp call in the console', () => {
  it('rings, is accepted in Chromium, carries audio both ways through the engine, and frees its room on hang-up', async () => {
    const { stack } = world();
    const anchor = stack.anchor ?? expect.fail('the stack started without its engine');
    const alex = await world().availableAgent();

    const call = await stack.placeCall('whatsapp', 'Rahul Mehta');
    await alex.waitForRinging('Rahul Mehta');
    // the customer's leg is on the engine while it rings
    expect(anchor.roomOf(call.id)).toBeDefined();

    await alex.acceptCallFrom('Rahul Mehta');
    await call.waitFor('accepted', { timeoutMs: 20_000 });

    // Meta got the engine's answer to its offer, the same in pre_accept and accept (the
    // simulator logs a request once it has answered it, which can come after the call's state)
    const sessions = await eventually(
      () =>
        stack.sim
          .requests({ callId: call.id })
          .map((r) => r.body as { action?: string; session?: { sdp: string } })
          .filter((b) => b.action === 'pre_accept' || b.action === 'accept'),
      (found) => found.length >= 2,
    );
    expect(sessions.map((b) => b.action)).toEqual(['pre_accept', 'accept']);
    const toMeta = sessions[0]?.session?.sdp ?? '';
    expect(sessions[1]?.session?.sdp).toBe(toMeta);
    const checked = validateLocalAnswer(toMeta);
    expect(checked.ok ? 'valid' : checked.error.message).toBe('valid');

    // audio both ways, measured at each far end: the simulated customer decodes the agent's
    // voice; the agent's browser plays the customer's tone, mixed by the engine
    await expectAudioBothWays(call, alex);
    const customerHears = await eventually(
      () => call.stats(),
      (s) => s.audioLevel > LEVELS.voice,
    );
    expect(customerHears.audioLevel).toBeGreaterThan(LEVELS.voice);
    expect(await meanLevelOverASecond(alex)).toBeGreaterThan(AUDIBLE_RMS);

    await alex.button('Hang up').click();
    await call.waitFor('ended', { timeoutMs: 10_000 });
    await eventually(
      () => anchor.roomOf(call.id),
      (room) => room === undefined,
    );
    expect(anchor.roomOf(call.id)).toBeUndefined();
  });

  it('lets a supervisor listen in from the live board (they hear the call, send nothing into it), whisper to the agent alone, then barge in', async () => {
    const { stack } = world();
    const anchor = stack.anchor ?? expect.fail('the stack started without its engine');
    const bea = await world().availableAgent(1);
    const call = await stack.placeCall('whatsapp', 'Meera Iyer');
    await bea.acceptCallFrom('Meera Iyer');
    await call.waitFor('accepted', { timeoutMs: 20_000 });
    await expectAudioBothWays(call, bea);

    const sam = await openStaffConsole(world(), 'supervisor', 'Sam Supervisor', '/supervisor');
    await sam.page.getByRole('button', { name: 'Listen in on the call with Meera Iyer' }).click();
    await sam.page.getByRole('status').filter({ hasText: 'Listening: nobody hears you' }).waitFor();

    // the supervisor's browser plays the room's mix (the customer's tone, the agent's voice)
    const heard = await eventually(
      () => sam.audio(),
      (a) => a.connectionState === 'connected' && a.packetsReceived > 100,
    );
    expect(heard.packetsReceived).toBeGreaterThan(100);
    expect(await meanLevelOverASecond(sam)).toBeGreaterThan(AUDIBLE_RMS);
    // and sends nothing: no microphone was asked for, the room has them muted besides
    expect((await sam.audio()).packetsSent).toBe(0);
    await expectAccessible(sam.page, 'supervisor listening in');
    const legs = anchor.roomOf(call.id)?.room.legIds ?? [];
    expect(legs.filter((id) => id.startsWith('listen-'))).toHaveLength(1);

    // whispering: the agent hears the supervisor on a leg of its own, the customer does not.
    // The agent says nothing from here on: whatever the customer hears would be the supervisor
    await bea.button('Mute').click();
    const muted = await eventually(
      () => call.stats(),
      (s) => s.audioLevel < LEVELS.silence,
    );
    expect(muted.audioLevel).toBeLessThan(LEVELS.silence);
    await sam.page
      .getByRole('button', { name: 'Whisper to the agent on the call with Meera Iyer' })
      .click();
    await sam.page
      .getByRole('status')
      .filter({ hasText: 'Whispering: only the agent hears you' })
      .waitFor();
    await bea.page
      .getByRole('status')
      .filter({ hasText: 'Sam Supervisor is whispering to you' })
      .waitFor();
    // the agent's browser plays the whisper on its newest connection, and sends nothing there
    const whisperLeg = await eventually(
      () => bea.audio(),
      (a) => a.peerCount >= 2 && a.connectionState === 'connected' && a.packetsReceived > 50,
    );
    expect(whisperLeg.packetsSent).toBe(0);
    expect(await meanLevelOverASecond(bea)).toBeGreaterThan(AUDIBLE_RMS);
    // the supervisor's microphone goes out on their whisper leg, and the customer hears none of it
    expect((await sam.audio()).packetsSent).toBeGreaterThan(0);
    const customer = await sample(() => call.stats().audioLevel, 1_500, 100);
    expect(Math.max(...customer)).toBeLessThan(LEVELS.silence);
    await expectAccessible(bea.page, 'agent hearing a whisper');
    await expectAccessible(sam.page, 'supervisor whispering');
    const side = await anchor.sideRoomOf(call.id);
    expect(side.legIds.filter((id) => /^(whisper|hear)-/.test(id))).toHaveLength(2);

    // leaving ends it all: the agent's notice goes, both rooms lose the supervisor's legs
    await sam.page.getByRole('button', { name: 'Leave the call with Meera Iyer' }).click();
    await sam.page.getByRole('button', { name: 'Listen in on the call with Meera Iyer' }).waitFor();
    await bea.page
      .getByRole('status')
      .filter({ hasText: 'is whispering to you' })
      .waitFor({ state: 'detached' });
    const left = await eventually(
      () => [...(anchor.roomOf(call.id)?.room.legIds ?? []), ...side.legIds],
      (ids) => !ids.some((id) => /^(listen|whisper|hear)-/.test(id)),
    );
    expect(left.filter((id) => /^(listen|whisper|hear)-/.test(id))).toEqual([]);

    // barging in: with the agent still muted, the customer hears the supervisor
    await sam.page.getByRole('button', { name: 'Barge in on the call with Meera Iyer' }).click();
    await sam.page
      .getByRole('status')
      .filter({ hasText: 'In the call: everyone hears you' })
      .waitFor();
    const hearsSam = await eventually(
      () => call.stats(),
      (s) => s.audioLevel > LEVELS.voice,
    );
    expect(hearsSam.audioLevel).toBeGreaterThan(LEVELS.voice);
    expect((await sam.audio()).packetsSent).toBeGreaterThan(0);
    await sam.page.getByRole('button', { name: 'Leave the call with Meera Iyer' }).click();
    await bea.button('Unmute').click();

    // the call went on all along
    expect(call.state).toBe('accepted');
    await bea.button('Hang up').click();
    await call.waitFor('ended', { timeoutMs: 10_000 });
  });

  it('survives the agent reloading the tab: the console rejoins the call by itself and audio flows both ways again', async () => {
    const { stack } = world();
    const anchor = stack.anchor ?? expect.fail('the stack started without its engine');
    const dev = await world().availableAgent(3);
    const call = await stack.placeCall('whatsapp', 'Kofi Mensah');
    await dev.acceptCallFrom('Kofi Mensah');
    await call.waitFor('accepted', { timeoutMs: 20_000 });
    await expectAudioBothWays(call, dev);

    const room = anchor.roomOf(call.id)?.room ?? expect.fail('the call has no room');
    const legBefore = room.leg('agent');
    // the console asks before a tab with a call goes (beforeunload): the agent reloads anyway
    dev.page.once('dialog', (dialog) => void dialog.accept());
    const reloadedAt = Date.now();
    await dev.page.reload();
    // with nothing clicked, the reloaded console asks the engine for a new leg and audio flows
    // both ways on it: the agent's browser plays the customer, the customer hears the agent
    const agentHears = await eventually(
      () => dev.audio(),
      (a) => a.connectionState === 'connected' && a.packetsReceived > 0,
      { timeoutMs: 20_000 },
    );
    const backMs = Date.now() - reloadedAt;
    expect(agentHears.connectionState).toBe('connected');
    expect(agentHears.peerCount).toBe(1);
    expect(room.leg('agent')).not.toBe(legBefore);
    expect(await meanLevelOverASecond(dev)).toBeGreaterThan(AUDIBLE_RMS);
    const customerHears = await eventually(
      () => call.stats(),
      (s) => s.audioLevel > LEVELS.voice,
    );
    expect(customerHears.audioLevel).toBeGreaterThan(LEVELS.voice);
    // the gap is shorter than the customer's level window (1 s): it never fell to silence
    process.stderr.write(
      `e2e: reloaded mid-call, the agent's browser had the call's audio again after ${backMs} ms\n`,
    );
    // the closing tab told the server (keepalive); the rejoin kept the call past that grace
    const pastGrace = reloadedAt + E2E_REJOIN_GRACE_MS + 1_000 - Date.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, pastGrace)));
    // one agent leg in the room, the call never ended, and it ends as any call does
    expect(anchor.roomOf(call.id)?.room.legIds.filter((id) => id === 'agent')).toHaveLength(1);
    expect(call.state).toBe('accepted');
    await expectAccessible(dev.page, 'agent back in a call after a reload');
    await dev.button('Hang up').click();
    await call.waitFor('ended', { timeoutMs: 10_000 });
  });

  it('survives the agent’s connection to the engine dying: the console rejoins with a fresh leg by itself', async () => {
    const { stack } = world();
    const anchor = stack.anchor ?? expect.fail('the stack started without its engine');
    const cleo = await world().availableAgent(2);
    const call = await stack.placeCall('whatsapp', 'Nadia Noor');
    await cleo.acceptCallFrom('Nadia Noor');
    await call.waitFor('accepted', { timeoutMs: 20_000 });
    await expectAudioBothWays(call, cleo);

    // the engine drops the agent's leg, as a network change leaves it: the browser's connection
    // gets no answers any more (it notices in about 7 s), gives it 5 s, then asks for a new leg
    const cutAt = Date.now();
    await anchor.roomOf(call.id)?.room.removeLeg('agent');
    // ("Reconnecting your audio…" shows while it does: too briefly here to wait for)
    const back = await eventually(
      () => cleo.audio(),
      (a) => a.peerCount >= 2 && a.connectionState === 'connected' && a.packetsReceived > 50,
      { timeoutMs: 40_000 },
    );
    const backMs = Date.now() - cutAt;
    expect(back.connectionState).toBe('connected');
    expect(anchor.roomOf(call.id)?.room.legIds.filter((id) => id === 'agent')).toHaveLength(1);
    expect(await meanLevelOverASecond(cleo)).toBeGreaterThan(AUDIBLE_RMS);
    // the customer hears the agent again (a reopened fake microphone comes back quieter under
    // Chromium's gain control, 0.15 in the first run: the bar is "clearly audible")
    const hears = await eventually(
      () => call.stats(),
      (s) => s.audioLevel > AUDIBLE_RMS,
    );
    expect(hears.audioLevel).toBeGreaterThan(AUDIBLE_RMS);
    process.stderr.write(
      `e2e: the anchored call's agent leg was cut; the console had the call's audio again after ${backMs} ms\n`,
    );
    expect(call.state).toBe('accepted');
    await cleo.button('Hang up').click();
    await call.waitFor('ended', { timeoutMs: 10_000 });
  });

  // last in the file: from here on the seeded line records its calls
  it('is recorded by the media server when its line records calls: the agent hears the spoken notice, and the recording plays in the call detail', async () => {
    const { stack } = world();
    const line = await stack.app.repos.channels.findChannelByExternalId(
      'whatsapp',
      stack.whatsapp.number.phoneNumberId,
    );
    if (!line) throw new Error('no seeded WhatsApp line');
    await stack.app.repos.channels.updateChannel(line.workspaceId, line.id, {
      mediaCapture: 'record',
    });
    const eli = await world().availableAgent(4);
    const call = await stack.placeCall('whatsapp', 'Rosa Lind');
    await eli.acceptCallFrom('Rosa Lind');
    await call.waitFor('accepted', { timeoutMs: 20_000 });
    await eli.page.getByText('Recording', { exact: true }).waitFor();
    // Meta was asked for no recording of its own
    const accept = stack.sim
      .requests({ callId: call.id })
      .map((r) => r.body as { action?: string; recording?: unknown })
      .find((body) => body.action === 'accept');
    expect(accept?.recording).toBeUndefined();
    // the notice plays to the agent too, before anything is said: their browser hears it
    expect(await meanLevelOverASecond(eli)).toBeGreaterThan(AUDIBLE_RMS);
    await expectAudioBothWays(call, eli);
    await eli.button('Hang up').click();
    await call.waitFor('ended', { timeoutMs: 10_000 });

    await eli.page.getByRole('link', { name: 'History', exact: true }).click();
    await eli.page.getByRole('heading', { name: 'Call history' }).waitFor();
    const player = eli.page.getByLabel('Call recording');
    await eventually(
      async () => {
        await eli.page.reload();
        await eli.page
          .getByRole('listitem')
          .filter({ hasText: 'Rosa Lind' })
          .getByRole('button')
          .first()
          .click();
        await eli.page.getByRole('heading', { name: 'Timeline' }).waitFor();
        await player.waitFor({ timeout: 2_000 }).catch(() => undefined);
        return player.count();
      },
      (shown) => shown > 0,
      { timeoutMs: 30_000, intervalMs: 1_000 },
    );
    // Chromium decodes the WAV: it knows its length
    const duration = await loadedDuration(player);
    expect(duration).toBeGreaterThan(2);
    // and it holds sound, not silence (both voices are told apart in anchor-recording.integration.test.ts)
    const src = (await player.getAttribute('src')) ?? '';
    const wav = Buffer.from(
      await (await eli.page.request.get(new URL(src, stack.url).href)).body(),
    );
    const pcm = wav.subarray(44);
    let sum = 0;
    for (let i = 0; i + 1 < pcm.length; i += 2) sum += (pcm.readInt16LE(i) / 32768) ** 2;
    const rms = Math.sqrt(sum / (pcm.length / 2));
    process.stderr.write(
      `e2e: the media server's recording: ${duration.toFixed(1)} s, ${wav.length} bytes, RMS ${rms.toFixed(3)}\n`,
    );
    expect(rms).toBeGreaterThan(AUDIBLE_RMS);
  });
});
