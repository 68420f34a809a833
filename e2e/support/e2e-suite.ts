import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { pgliteImageAt } from '../../apps/server/src/testing/e2e-entry';
import { AgentConsole } from './agent-console';
import { screenshots } from './artifacts';
import { launchBrowser, type AutoplaySetup, type MicrophoneSetup } from './browser';
import { startStack, type E2eStack, type StackOptions } from './stack';
import { LOUD_VOICE, writeMicWav } from './wav';

export interface SuiteOptions extends StackOptions {
  /**
   * the agents' microphone; default `voice`: loud syllable-paced bursts, so the far end can
   * tell the microphone (loud) from hold music (soft) from silence (muted)
   */
  microphone?: MicrophoneSetup | 'voice';
  /** when pages may play sound; default `anytime` (see {@link AutoplaySetup}) */
  autoplay?: AutoplaySetup;
}

/** what a spec file works with: the product, a browser, agents' consoles */
export interface E2eWorld {
  readonly stack: E2eStack;
  readonly browser: Browser;
  /** opens agent `index`'s console in its own context (closed after the file) */
  openConsole(index?: number): Promise<AgentConsole>;
  /**
   * agent `index` signed in and Available, ready to be offered calls: opened the first time,
   * the same console after that (one agent, one console, as in real life)
   */
  availableAgent(index?: number): Promise<AgentConsole>;
}

/**
 * One stack and one Chromium per spec file: started before its tests, closed after them. When
 * a test fails, the server's last log lines and the pages' errors are printed with it.
 *
 * @example
 * const world = useE2e({ agents: ['Alex Agent'] });
 * it('rings', async () => {
 *   const alex = await world().availableAgent();
 * });
 */
export function useE2e(options: SuiteOptions = {}): () => E2eWorld {
  let world: E2eWorld | undefined;
  const consoles: AgentConsole[] = [];
  const ready = new Map<number, AgentConsole>();
  let stack: E2eStack | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    const microphone =
      options.microphone === undefined || options.microphone === 'voice'
        ? { wav: writeMicWav(join(tmpdir(), 'ringside-e2e-voice.wav'), LOUD_VOICE) }
        : options.microphone;
    // the run's migrated database image (vitest.config.ts), so no spec waits for initdb
    const image = inject('ringsidePgliteImage');
    // side by side: neither needs the other until a console opens. Both are kept before a
    // failure of either is thrown, so that afterAll closes whichever did start
    const [stackStarted, browserLaunched] = await Promise.allSettled([
      startStack(image ? { ...options, databaseImage: pgliteImageAt(image) } : options),
      launchBrowser(microphone, {
        autoplay: options.autoplay ?? 'anytime',
        // the TLS relay's certificate is self-signed (browser.ts)
        acceptAnyCertificate: options.relayOnly === 'tls',
      }),
    ]);
    if (stackStarted.status === 'fulfilled') stack = stackStarted.value;
    if (browserLaunched.status === 'fulfilled') browser = browserLaunched.value;
    if (stackStarted.status === 'rejected') throw stackStarted.reason;
    if (browserLaunched.status === 'rejected') throw browserLaunched.reason;
    if (!stack || !browser) throw new Error('the stack or the browser did not start');
    const started = { stack, browser };
    const openConsole = async (index = 0) => {
      const agent = started.stack.agents[index];
      if (!agent) throw new Error(`the stack seeded no agent #${index}`);
      const opened = await AgentConsole.open(started.browser, started.stack, agent);
      consoles.push(opened);
      return opened;
    };
    world = {
      ...started,
      openConsole,
      async availableAgent(index = 0) {
        const known = ready.get(index);
        if (known) return known;
        const agent = await openConsole(index);
        await agent.signIn();
        await agent.goAvailable();
        ready.set(index, agent);
        return agent;
      },
    };
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    const failed = screenshots(`failed-${ctx.task.name.replace(/\W+/g, '-').slice(0, 60)}`);
    for (const agent of consoles) await failed.take(agent.page, agent.agent.name).catch(() => '');
    const report = [
      '--- server log (last 40 lines) ---',
      ...(stack?.logs.slice(-40) ?? []).map((line) => line.trimEnd()),
      ...consoles.flatMap((c) => [`--- ${c.agent.name}'s page ---`, ...c.problems.slice(-20)]),
    ];
    process.stdout.write(`${report.join('\n')}\n`);
  });

  afterAll(async () => {
    await Promise.allSettled(consoles.map((c) => c.close()));
    await browser?.close();
    await stack?.close();
  });

  return () => {
    if (!world) throw new Error('the e2e world did not start (see the beforeAll error)');
    return world;
  };
}
