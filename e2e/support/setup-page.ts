import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { AgentConsole } from './agent-console';
import type { MicrophoneSetup } from './browser';
import { LOUD_VOICE, writeMicWav } from './wav';

/** a microphone that gives nothing at all, as a headset muted at its cable does */
export function silentMicrophone(): MicrophoneSetup {
  return {
    wav: writeMicWav(join(tmpdir(), 'ringside-e2e-silence.wav'), { ...LOUD_VOICE, amplitude: 0 }),
  };
}

/** a level meter's value now (0–100, its `aria-valuenow`); -1 while it is not shown */
export async function meterValue(meter: Locator): Promise<number> {
  if ((await meter.count()) === 0) return -1;
  const value = await meter.getAttribute('aria-valuenow', { timeout: 1000 }).catch(() => null);
  return value === null ? -1 : Number(value);
}

/**
 * "Test my setup" as the agent sees it: reached from the agent view by its link, each check in
 * its own section named by its heading.
 *
 * @example
 * const setup = await SetupPage.open(alex);
 * await setup.start();
 * await setup.finished();
 */
export class SetupPage {
  readonly page: Page;

  private constructor(page: Page) {
    this.page = page;
  }

  /** follows the agent view's "Test my setup" link */
  static async open(agent: AgentConsole): Promise<SetupPage> {
    await agent.page.getByRole('link', { name: 'Test my setup', exact: true }).click();
    await agent.page.getByRole('heading', { name: 'Test my setup', level: 1 }).waitFor();
    return new SetupPage(agent.page);
  }

  /** a check's section: Microphone, Speaker, Relay server (TURN), Connection quality */
  section(name: 'Microphone' | 'Speaker' | 'Relay server (TURN)' | 'Connection quality'): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  get meter(): Locator {
    return this.page.getByRole('meter', { name: 'Microphone level' });
  }

  async start(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start the test', exact: true }).click();
  }

  /** waits until the run has finished (its button offers to run again) */
  async finished(timeoutMs = 40_000): Promise<void> {
    await this.page
      .getByRole('button', { name: 'Run the test again', exact: true, disabled: false })
      .waitFor({ timeout: timeoutMs });
  }

  /** a section's text, for assertions on the words the agent reads */
  text(name: Parameters<SetupPage['section']>[0]): Promise<string> {
    return this.section(name).innerText();
  }

  async backToCalls(): Promise<void> {
    await this.page.getByRole('link', { name: 'Back to calls', exact: true }).click();
  }
}
