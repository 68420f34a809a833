/**
 * Test-side helpers: a real Chromium as the business agent's browser, for tests that prove
 * audio flows between it and the simulated caller, and the simulator's Opus codec and Ogg Opus
 * writer for tests that make or measure audio themselves. Import from `@ringside/meta-sim/testing`.
 */
export {
  launchChromium,
  AUTOPLAY_WITHOUT_GESTURE_FLAG,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  type ChromiumHarness,
} from './chromium';
export { BrowserPeer, type BrowserCallStats, type BrowserInboundStats } from './browser-peer';
export { servePeerPage, PEER_PAGE_HTML, type PeerPageServer } from './peer-page';
export { pollUntil } from './poll';
export { NativeOpus } from '../media/opus-native';
export { writeOggOpus } from '../media/ogg-opus';
