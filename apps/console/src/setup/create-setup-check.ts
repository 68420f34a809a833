import type { Outcome } from '../rtc/LocalAudio';
import type { MicMonitor } from '../rtc/MicMonitor';
import type { IcePaths } from '../session/IceServers';
import type { AppStore } from '../state/store';
import { LastChecks } from './last-check';
import { pingThroughRelay } from './relay-loop';
import { probeRelay } from './relay-probe';
import { pingServer } from './server-ping';
import { SetupCheck } from './SetupCheck';
import { SpeakerTone } from './SpeakerTone';

export interface SetupParts {
  win: Window;
  store: AppStore;
  microphone: { acquire(): Promise<Outcome> };
  mic: MicMonitor;
  ice: { ready(): Promise<IcePaths> };
  /** the page's AudioContext */
  audio: () => AudioContext | undefined;
  unlockAudio: () => void;
}

function localStorageOf(win: Window): Storage | undefined {
  try {
    return win.localStorage;
  } catch {
    return undefined; // storage off: nothing is kept
  }
}

/**
 * "Test my setup" over the browser's own parts: real peer connections, `fetch`, an `<audio>`
 * element, localStorage. The composition root calls this once.
 *
 * @example
 * const setup = createSetupCheck({ win: window, store, microphone: devices, mic, ice, audio, unlockAudio });
 */
export function createSetupCheck(parts: SetupParts): SetupCheck {
  return new SetupCheck({
    userId: () => parts.store.getState().me?.id,
    openMicrophone: () => parts.microphone.acquire(),
    mic: parts.mic,
    unlockAudio: parts.unlockAudio,
    iceServers: () => parts.ice.ready(),
    probeRelay: (server) => probeRelay(server),
    pingRelay: (server) => pingThroughRelay(server),
    pingServer: () => pingServer(),
    tone: new SpeakerTone({ doc: parts.win.document, context: parts.audio }),
    outputId: () => parts.store.getState().outputId,
    kept: new LastChecks(localStorageOf(parts.win)),
  });
}
