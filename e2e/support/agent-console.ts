import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expectAccessible } from './accessibility';
import { installRtcProbe, readBrowserAudio, type BrowserAudio } from './rtc-probe';
import type { E2eStack, SeededAgent } from './stack';

/** whether this run has run axe over the login view yet (the specs share one module cache) */
let loginAudited = false;

/** how long a UI step may take before the helper gives up with a clear message */
const UI_BOUND_MS = 15_000;

/** the console's accessible names (shared/spec/interfaces.md): the contract tests rely on */
export type ConsoleButton =
  | 'Sign in'
  | 'Available'
  | 'Away'
  | 'Accept'
  | 'Decline'
  | 'Mute'
  | 'Unmute'
  | 'Hold'
  | 'Resume'
  | 'Keypad'
  | 'Hang up'
  | 'Save';

/**
 * One agent's console in its own browser context, driven through accessible names only, with
 * the RTC probe installed so the call's audio can be read from the page's own peer connection.
 *
 * @example
 * const alex = await AgentConsole.open(browser, stack, stack.agents[0]);
 * await alex.signIn();
 * await alex.goAvailable();
 * await stack.placeCall('whatsapp', 'Rahul Caller');
 * await alex.acceptCallFrom('Rahul Caller');
 */
export class AgentConsole {
  readonly page: Page;
  readonly agent: SeededAgent;
  readonly #context: BrowserContext;
  readonly #url: string;
  /** uncaught errors and the page's console output, for failure reports */
  readonly problems: string[] = [];

  private constructor(context: BrowserContext, page: Page, url: string, agent: SeededAgent) {
    this.#context = context;
    this.page = page;
    this.#url = url;
    this.agent = agent;
    page.on('pageerror', (error) => this.problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'debug') this.problems.push(`${message.type()}: ${message.text()}`);
    });
  }

  /** a fresh context (no cookies) on the stack's origin, probe installed, nothing loaded yet */
  static async open(browser: Browser, stack: E2eStack, agent: SeededAgent): Promise<AgentConsole> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(UI_BOUND_MS);
      await installRtcProbe(page);
      return new AgentConsole(context, page, stack.url, agent);
    } catch (error) {
      await context.close();
      throw error;
    }
  }

  /** a button by its exact accessible name */
  button(name: ConsoleButton): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** the status control's option (a button, radio, tab or option named Available or Away) */
  status(name: 'Available' | 'Away'): Locator {
    const page = this.page;
    return page
      .getByRole('button', { name, exact: true })
      .or(page.getByRole('radio', { name, exact: true }))
      .or(page.getByRole('tab', { name, exact: true }))
      .or(page.getByRole('menuitemradio', { name, exact: true }));
  }

  /** the same option, only while it is the selected one */
  statusSelected(name: 'Available' | 'Away'): Locator {
    const page = this.page;
    return page
      .getByRole('button', { name, exact: true, pressed: true })
      .or(page.getByRole('radio', { name, exact: true, checked: true }))
      .or(page.getByRole('tab', { name, exact: true, selected: true }))
      .or(page.getByRole('menuitemradio', { name, exact: true, checked: true }));
  }

  /** signs in through `/login` and waits for the agent view's status control */
  async signIn(): Promise<void> {
    await this.page.goto(`${this.#url}/login`);
    await this.page.getByLabel('Email', { exact: true }).waitFor();
    // the login view is checked once a run (every spec signs in; once is enough to catch it)
    if (!loginAudited) {
      loginAudited = true;
      await expectAccessible(this.page, 'login');
    }
    await this.page.getByLabel('Email', { exact: true }).fill(this.agent.email);
    await this.page.getByLabel('Password', { exact: true }).fill(this.agent.password);
    await this.button('Sign in').click();
    await this.status('Available').first().waitFor();
  }

  /** clicks Available and waits until the control shows it selected */
  async goAvailable(): Promise<void> {
    await this.status('Available').first().click();
    await this.statusSelected('Available').first().waitFor();
  }

  /** waits for the incoming call card showing this caller, with its Accept button */
  async waitForRinging(callerName: string): Promise<void> {
    await this.page.getByText(callerName).first().waitFor();
    await this.button('Accept').waitFor();
  }

  /** answers the ringing call from this caller and waits for the in-call controls */
  async acceptCallFrom(callerName: string): Promise<void> {
    await this.waitForRinging(callerName);
    await this.button('Accept').click();
    await this.button('Hang up').waitFor();
  }

  /** the call's audio from the page's newest peer connection */
  audio(): Promise<BrowserAudio> {
    return readBrowserAudio(this.page);
  }

  /** the page's visible text, for assertions on what the agent reads */
  text(): Promise<string> {
    return this.page.locator('body').innerText();
  }

  async close(): Promise<void> {
    await this.#context.close();
  }
}
