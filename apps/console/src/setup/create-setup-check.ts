import type { Outcome } from '../rtc/LocalAudio';
import type { MicMonitor } from '../rtc/MicMonitor';
import type { IcePaths } from '../session/IceServers';
import type { AppStore } from '../state/store';
import type { KeptCheck } from './KeptCheck';
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
  /** the signed-in user's last check, which the agent view shows */
  kept: KeptCheck;
}

/**
 * "Test my setup" over the browser's own parts: real peer connections, `fetch`, an `<audio>`
 * element. The setup page's route module calls this once, through the composition root
 * (`ConsoleServices.setupCheck`), so the checks load with that page and not before.
 *
 * @example
 * const setup = createSetupCheck({ win: window, store, microphone: devices, mic, ice, audio, unlockAudio, kept });
 */
export function createSetupCheck(parts: SetupParts): SetupCheck {
  return new SetupCheck({
    openMicrophone: () => parts.microphone.acquire(),
    mic: parts.mic,
    unlockAudio: parts.unlockAudio,
    iceServers: () => parts.ice.ready(),
    probeRelay: (server) => probeRelay(server),
    pingRelay: (server) => pingThroughRelay(server),
    pingServer: () => pingServer(),
    tone: new SpeakerTone({ doc: parts.win.document, context: parts.audio }),
    outputId: () => parts.store.getState().outputId,
    kept: parts.kept,
  });
}
