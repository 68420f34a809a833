import type { CDPSession, Page } from 'playwright-core';
import type { BrowserAudio } from './rtc-probe';
import type { E2eStack, SeededAgent } from './stack';

/** the remote `<audio>` element the console plays the caller in */
export interface RemoteAudioState {
  /** the element is in the page */
  present: boolean;
  /** it has the caller's stream to play */
  hasStream: boolean;
  paused: boolean;
  /** seconds played so far: grows only while it really plays */
  currentTime: number;
}

/** how long a quiet wait may take before it gives up */
const WAIT_BOUND_MS = 15_000;

/**
 * Drives and reads a page without ever giving it a user activation (Chromium's "the user
 * clicked or typed here", which autoplay waits for). Playwright cannot do that: every locator
 * call and `page.evaluate` runs its script with `userGesture: true`, so the page counts as
 * clicked before any real click. Here scripts go through the DevTools protocol without that
 * flag, clicks meant as the agent's go in as real mouse input at the button's place, and
 * clicks meant as no gesture at all are scripted (`button.click()`, untrusted).
 *
 * @example
 * const quiet = await GestureFree.attach(page);
 * await quiet.waitForButton('Available');
 * expect(await quiet.hasBeenActive()).toBe(false);
 * await quiet.realClick('Available');
 */
export class GestureFree {
  readonly #page: Page;
  readonly #session: CDPSession;

  private constructor(page: Page, session: CDPSession) {
    this.#page = page;
    this.#session = session;
  }

  static async attach(page: Page): Promise<GestureFree> {
    return new GestureFree(page, await page.context().newCDPSession(page));
  }

  /** runs an expression in the page's main world, as no gesture, and returns its value */
  async evaluate<T>(expression: string): Promise<T> {
    const reply = await this.#session.send('Runtime.evaluate', {
      expression,
      returnByValue: true,
      awaitPromise: true,
      userGesture: false,
    });
    if (reply.exceptionDetails) {
      const text = reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text;
      throw new Error(`in the page: ${text}`);
    }
    return reply.result.value as T;
  }

  /** whether the page has ever had a user activation (sticky: it stays once given) */
  hasBeenActive(): Promise<boolean> {
    return this.evaluate('navigator.userActivation.hasBeenActive');
  }

  /**
   * Tries to play a tone in a throwaway `<audio>` element right now: `'played'`, or the
   * browser's refusal (`'NotAllowedError'` under the autoplay policy). Leaves nothing behind.
   */
  tryToPlay(): Promise<string> {
    return this.evaluate(`(async () => {
      const context = new AudioContext();
      const tone = context.createOscillator();
      const sink = context.createMediaStreamDestination();
      tone.connect(sink);
      tone.start();
      const element = new Audio();
      element.srcObject = sink.stream;
      try {
        await element.play();
        return 'played';
      } catch (error) {
        return error.name;
      } finally {
        element.pause();
        tone.stop();
        await context.close();
      }
    })()`);
  }

  /** waits until an enabled button with this exact text is in the page */
  async waitForButton(name: string, options: { pressed?: boolean } = {}): Promise<void> {
    const wanted =
      options.pressed === undefined ? 'true' : `b.ariaPressed === '${options.pressed}'`;
    const found = `[...document.querySelectorAll('button')].some((b) =>
      b.textContent.trim() === ${JSON.stringify(name)} && !b.disabled && ${wanted})`;
    const deadline = Date.now() + WAIT_BOUND_MS;
    while (!(await this.evaluate<boolean>(found))) {
      if (Date.now() > deadline) throw new Error(`no button "${name}" came: ${await this.text()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** the agent's own click on the button: real mouse input at its centre, a user gesture */
  async realClick(name: string): Promise<void> {
    const centre = await this.evaluate<{ x: number; y: number } | null>(`(() => {
      const button = [...document.querySelectorAll('button')]
        .find((b) => b.textContent.trim() === ${JSON.stringify(name)});
      if (!button) return null;
      button.scrollIntoView({ block: 'center' });
      const box = button.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    })()`);
    if (!centre) throw new Error(`no button "${name}" to click: ${await this.text()}`);
    await this.#page.mouse.click(centre.x, centre.y);
  }

  /** a click by script (`button.click()`): the console reacts, the page gets no user gesture */
  async scriptedClick(name: string): Promise<void> {
    const clicked = await this.evaluate<boolean>(`(() => {
      const button = [...document.querySelectorAll('button')]
        .find((b) => b.textContent.trim() === ${JSON.stringify(name)} && !b.disabled);
      button?.click();
      return button !== undefined;
    })()`);
    if (!clicked) throw new Error(`no button "${name}" to click: ${await this.text()}`);
  }

  /** the console's remote audio element, as it is now */
  remoteAudio(): Promise<RemoteAudioState> {
    return this.evaluate(`(() => {
      const element = document.querySelector('audio[data-ringside="remote-audio"]');
      return {
        present: element !== null,
        hasStream: element?.srcObject instanceof MediaStream,
        paused: element?.paused ?? true,
        currentTime: element?.currentTime ?? 0,
      };
    })()`);
  }

  /** the call's inbound audio from the RTC probe's newest peer connection (see rtc-probe.ts) */
  inboundAudio(): Promise<Pick<BrowserAudio, 'packetsReceived' | 'totalAudioEnergy'>> {
    return this.evaluate(`(async () => {
      const pc = window.__ringsideE2e?.peers.at(-1);
      const audio = { packetsReceived: 0, totalAudioEnergy: 0 };
      if (!pc) return audio;
      (await pc.getStats()).forEach((entry) => {
        if (entry.type !== 'inbound-rtp' || entry.kind !== 'audio') return;
        audio.packetsReceived += entry.packetsReceived ?? 0;
        audio.totalAudioEnergy += entry.totalAudioEnergy ?? 0;
      });
      return audio;
    })()`);
  }

  /** the page's text, for failure messages */
  text(): Promise<string> {
    return this.evaluate('document.body.innerText.slice(0, 500)');
  }

  async detach(): Promise<void> {
    await this.#session.detach();
  }
}

/**
 * Signs the agent in through the API, not the login form (typing there would count as a
 * gesture), so the console's next page load starts with no user activation at all.
 *
 * @example
 * await signInWithoutTouching(alex.page, stack, alex.agent);
 * await alex.page.goto(stack.url);
 */
export async function signInWithoutTouching(
  page: Page,
  stack: E2eStack,
  agent: SeededAgent,
): Promise<void> {
  const reply = await page.request.post(`${stack.url}/api/auth/login`, {
    data: { email: agent.email, password: agent.password },
    headers: { origin: stack.url },
  });
  if (!reply.ok()) throw new Error(`signing in ${agent.email}: HTTP ${reply.status()}`);
}
