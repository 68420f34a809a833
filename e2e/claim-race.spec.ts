import { describe, expect, it } from 'vitest';
import { screenshots } from './support/artifacts';
import { useE2e } from './support/e2e-suite';
import { eventually } from './support/poll';

const world = useE2e({ agents: ['Alex Agent', 'Bo Agent'] });
const shots = screenshots('claim-race');

describe('two agents race for one call', () => {
  it('both click Accept at once: one gets the call, the other is told who did', async () => {
    const { stack } = world();
    const alex = await world().availableAgent(0);
    const bo = await world().availableAgent(1);
    const call = await stack.placeCall('whatsapp', 'Rosa Race');
    await Promise.all([alex.waitForRinging('Rosa Race'), bo.waitForRinging('Rosa Race')]);
    await shots.take(bo.page, 'both-ringing');

    // what each page ever shows from here on: the loser must never be offered "Hang up" for a
    // call that was not theirs (while a claim is in flight the panel offers Cancel)
    await Promise.all([alex, bo].map((a) => a.page.evaluate(watchForHangUp)));

    // both clicks land before either claim is answered: a real click waits for actionability,
    // long enough for the other agent's win to replace this card, so dispatch them at once
    const buttons = await Promise.all(
      [alex.button('Accept'), bo.button('Accept')].map((b) => b.elementHandle()),
    );
    await Promise.all(buttons.map((button) => button?.dispatchEvent('click')));
    // whoever the server gave the call to is on it; there is exactly one
    const inCall = await eventually(
      async () => ({
        alex: await alex.button('Hang up').count(),
        bo: await bo.button('Hang up').count(),
      }),
      (seen) => seen.alex + seen.bo > 0,
    );
    expect(inCall.alex + inCall.bo).toBe(1);
    const [winner, loser] = inCall.alex === 1 ? [alex, bo] : [bo, alex];

    await loser.page.getByText(winner.agent.name).first().waitFor({ timeout: 5_000 });
    await shots.take(loser.page, 'answered-elsewhere');
    await loser.button('Accept').waitFor({ state: 'hidden', timeout: 3_000 });
    expect(await loser.button('Hang up').count()).toBe(0);
    expect(await loser.page.evaluate(() => (window as WatchedWindow).sawHangUp)).toBe(false);
    expect(await winner.page.evaluate(() => (window as WatchedWindow).sawHangUp)).toBe(true);

    // meta saw one answer, and the caller hears the winner
    await call.waitFor('accepted', { timeoutMs: 15_000 });
    const accepts = await eventually(
      () => stack.sim.requests({ callId: call.id, action: 'accept', ok: true }),
      (found) => found.length > 0,
    );
    expect(accepts).toHaveLength(1);
    const heard = await eventually(
      () => call.stats(),
      (s) => s.packetsReceived > 50,
    );
    expect(heard.packetsReceived).toBeGreaterThan(50);
    const winnerAudio = await eventually(
      () => winner.audio(),
      (a) => a.packetsReceived > 50,
    );
    expect(winnerAudio.packetsReceived).toBeGreaterThan(50);
    expect((await loser.audio()).packetsReceived).toBe(0);
  });
});

type WatchedWindow = Window & { sawHangUp?: boolean };

/** runs in the page: notes whether a "Hang up" button is ever shown from now on */
function watchForHangUp(): void {
  const w = window as WatchedWindow;
  const check = () => {
    for (const button of document.querySelectorAll('button')) {
      if (button.textContent?.trim() === 'Hang up') w.sawHangUp = true;
    }
  };
  w.sawHangUp = false;
  check();
  new MutationObserver(check).observe(document.body, {
    subtree: true,
    childList: true,
    characterData: true,
  });
}
