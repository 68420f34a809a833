import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { BrowserPeer } from './browser-peer';
import { servePeerPage, type PeerPageServer } from './peer-page';

/** Debian's Chromium (apt-get install chromium) */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Lets pages play sound before any user gesture. Leave it out (filter it from
 * {@link CHROMIUM_ARGS}) to test under Chromium's real policy, where a page plays sound only
 * after the user clicked or typed in it.
 *
 * @example
 * const args = CHROMIUM_ARGS.filter((flag) => flag !== AUTOPLAY_WITHOUT_GESTURE_FLAG);
 */
export const AUTOPLAY_WITHOUT_GESTURE_FLAG = '--autoplay-policy=no-user-gesture-required';

/**
 * Headless, sandbox-less (containers), with the fake microphone (a beep) granted without a
 * prompt, autoplay allowed so received audio plays out, and nothing that phones home.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  AUTOPLAY_WITHOUT_GESTURE_FLAG,
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** a running Chromium and the page server its peers load */
export interface ChromiumHarness {
  readonly browser: Browser;
  readonly pageUrl: string;
  /** a new agent browser (its own context and page); closed with the harness if not before */
  newPeer(): Promise<BrowserPeer>;
  /** closes every peer, the browser and the page server */
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium through playwright-core and serves the peer page on 127.0.0.1.
 *
 * @example
 * const harness = await launchChromium();
 * try {
 *   const agent = await harness.newPeer();
 *   const offer = await agent.createOffer();
 * } finally {
 *   await harness.close();
 * }
 */
export async function launchChromium(
  options: { executablePath?: string; extraArgs?: string[] } = {},
): Promise<ChromiumHarness> {
  const executablePath = options.executablePath ?? CHROMIUM_PATH;
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: install it (apt-get install chromium)`,
    );
  }
  const server: PeerPageServer = await servePeerPage();
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath,
      args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  const peers = new Set<BrowserPeer>();
  let closed = false;
  return {
    browser,
    pageUrl: server.url,
    async newPeer() {
      if (closed) throw new Error('this Chromium harness is closed');
      const peer = await BrowserPeer.open(browser, server.url);
      peers.add(peer);
      return peer;
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled([...peers].map((peer) => peer.close()));
      await browser.close();
      await server.close();
    },
  };
}
