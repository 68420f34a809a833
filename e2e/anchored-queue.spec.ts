import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/accessibility';
import { expectAudioBothWays } from './support/calls';
import { useE2e } from './support/e2e-suite';
import { eventually } from './support/poll';
import { openStaffConsole } from './support/staff';
import type { AgentConsole } from './support/agent-console';

// the queue of an anchored WhatsApp line in Chromium (issue #15 items 3 and 4): with nobody
// free the media engine (a real Janus) answers, the customer (the simulator's WhatsApp client)
// hears the greeting, and the agent who comes free talks with them; past the queue limit the
// customer leaves a voicemail the agent plays from the callback worklist
const world = useE2e({
  anchored: true,
  agents: ['Kim Agent'],
  whatsappRing: { whenNobodyAvailable: 'queue', queueLimitSec: 120 },
});

/** a spoken prompt is heard above this (mean level over a second) */
const GREETING_FLOOR = 0.05;

/** the seeded WhatsApp line, as the server stores it */
async function line() {
  const { stack } = world();
  const channel = await stack.app.repos.channels.findChannelByExternalId(
    'whatsapp',
    stack.whatsapp.number.phoneNumberId,
  );
  return channel ?? expect.fail('the stack seeded no WhatsApp line');
}

/** Kim's console, signed in by the first test (one agent, one console) */
let kim: AgentConsole | undefined;

describe('the queue of an anchored line in the console', () => {
  it('nobody free: the customer hears the greeting and waits, the board says In queue; the agent who comes free talks with them', async () => {
    const { stack } = world();
    const sam = await openStaffConsole(world(), 'supervisor', 'Sam Queue', '/supervisor');
    await sam.page.getByRole('heading', { name: 'Supervisor board' }).waitFor();
    const agent = await world().openConsole(0);
    kim = agent;
    await agent.signIn();

    const call = await stack.placeCall('whatsapp', 'Noor Rahman');
    // the engine answered: Meta accepted, the customer hears the greeting (a voice)
    await call.waitFor('accepted', { timeoutMs: 20_000 });
    // espeak-ng's speech: about 0.1 over a second, clear of silence, under the agents' voice
    const greeting = await eventually(
      () => ({ ...call.stats() }),
      (s) => s.audioLevel > GREETING_FLOOR,
      { timeoutMs: 15_000 },
    );
    expect(greeting.audioLevel).toBeGreaterThan(GREETING_FLOOR);
    process.stderr.write(
      `e2e: the queued customer hears the greeting at ${greeting.audioLevel.toFixed(3)}\n`,
    );
    // the call's row says In queue, and today's counters count one caller in the queue
    await sam.page.getByText('In queue', { exact: true }).first().waitFor();
    const inQueue = sam.page.getByRole('term').filter({ hasText: /^In queue$/ });
    expect(await inQueue.locator('xpath=following-sibling::dd[1]').textContent()).toBe('1');
    expect(await sam.page.getByText('In queue', { exact: true }).count()).toBe(2);
    await expectAccessible(sam.page, 'board with a queued call');

    // Kim comes free: the call rings for her, she answers and they talk
    await agent.goAvailable();
    await agent.waitForRinging('Noor Rahman');
    // her card says the caller has been waiting in the queue
    await agent.page.getByText('In queue').first().waitFor();
    await agent.acceptCallFrom('Noor Rahman');
    await expectAudioBothWays(call, agent);
    // one accept to Meta, the engine's: Kim's answer went to the engine only
    const accepts = stack.sim
      .requests({ callId: call.id })
      .filter((r) => (r.body as { action?: string }).action === 'accept');
    expect(accepts).toHaveLength(1);
    await agent.button('Hang up').click();
    await call.waitFor('ended', { timeoutMs: 10_000 });
    await agent.button('Save').click();
  });

  it('nobody within the queue limit: the customer leaves a voicemail, which the agent plays from Callbacks', async () => {
    const { stack } = world();
    const channel = await line();
    // shorter than an admin may set (10 s): the repository takes it, and the test waits less
    await stack.app.repos.channels.updateChannel(channel.workspaceId, channel.id, {
      queueLimitSec: 3,
    });
    const agent = kim ?? (await world().availableAgent(0));
    await agent.status('Away').first().click();
    await agent.statusSelected('Away').first().waitFor();

    const call = await stack.placeCall('whatsapp', 'Tomas Varga');
    await call.waitFor('accepted', { timeoutMs: 20_000 });
    // the queue limit passes; the voicemail greeting (about 9 s, ending in a tone), then the
    // customer speaks for a few seconds and hangs up
    await eventually(
      () => stack.app.repos.calls.getCallByMetaId(channel.workspaceId, call.id),
      (row) => row?.model.state === 'ringing' && row.model.waiting === 'voicemail',
      { timeoutMs: 20_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 13_000));
    await call.hangUp();

    await agent.page.getByRole('link', { name: 'Callbacks', exact: true }).click();
    const panel = agent.page.getByRole('region', { name: 'Callbacks' });
    const row = panel.getByRole('listitem').filter({ hasText: 'Tomas Varga' });
    await row.waitFor({ timeout: 20_000 });
    const player = row
      .getByRole('group', { name: /^Voicemail from / })
      .or(row.locator('audio[aria-label^="Voicemail from"]'));
    await player.first().waitFor({ state: 'attached' });
    await expectAccessible(agent.page, 'callbacks with a voicemail');
    // the browser fetches and decodes what the player plays: the customer's voice
    const src = await row.locator('audio').first().getAttribute('src');
    expect(src).toMatch(/\/api\/calls\/[^/]+\/voicemail$/);
    const heard = await agent.page.evaluate(async (url) => {
      const bytes = await (await fetch(url)).arrayBuffer();
      const audio = await new AudioContext().decodeAudioData(bytes);
      const samples = audio.getChannelData(0);
      let sum = 0;
      for (const value of samples) sum += value * value;
      return { seconds: audio.duration, rms: Math.sqrt(sum / samples.length) };
    }, src ?? '');
    process.stderr.write(
      `e2e: voicemail ${heard.seconds.toFixed(1)} s, level ${heard.rms.toFixed(3)}\n`,
    );
    expect(heard.seconds).toBeGreaterThan(1.5);
    expect(heard.rms).toBeGreaterThan(0.05);
  });
});
