import type { Outcome, SessionMicrophone } from '../rtc/LocalAudio';
import type { AppStore } from '../state/store';
import { t } from '../i18n/i18n';

/** what DeviceChoice needs of the microphone manager (`rtc/DeviceManager.ts`) */
export interface Microphones {
  readonly inputId: string;
  acquire(): Promise<Outcome>;
  chooseInput(deviceId: string): Promise<Outcome>;
  /** a clone of the warm microphone for one call, or null when it is closed */
  microphoneForCall(): SessionMicrophone | null;
}

export interface DeviceChoiceOptions {
  store: AppStore;
  microphones: Microphones;
  speaker: { setSpeaker(deviceId: string): Promise<boolean> };
  /** the call being talked in now, which must follow a new microphone */
  currentCall(): { replaceMicrophone(next: SessionMicrophone): Promise<Outcome> } | undefined;
}

/**
 * The agent's choice of microphone and speaker, and what follows from it: the store learns the
 * choice or the problem, and a call in progress switches to a new microphone at once.
 *
 * @example
 * const choice = new DeviceChoice({ store, microphones: devices, speaker: audio, currentCall: () => calls.session });
 * await choice.chooseInput(deviceId); // the call in progress switches too
 */
export class DeviceChoice {
  readonly #options: DeviceChoiceOptions;

  constructor(options: DeviceChoiceOptions) {
    this.#options = options;
  }

  async chooseInput(deviceId: string): Promise<void> {
    const done = await this.#options.microphones.chooseInput(deviceId);
    if (done.ok) this.#options.store.getState().inputChosen(deviceId);
    else this.#options.store.getState().problemShown(done.message);
  }

  async chooseOutput(deviceId: string): Promise<void> {
    const { store, speaker } = this.#options;
    if (await speaker.setSpeaker(deviceId)) store.getState().outputChosen(deviceId);
    else store.getState().problemShown(t('devices.speakerFailed'));
  }

  /** the microphone a new call takes, opened first if need be */
  async microphoneForCall(): Promise<SessionMicrophone | { error: string }> {
    const { microphones } = this.#options;
    const opened = await microphones.acquire();
    if (!opened.ok) return { error: opened.message };
    return (
      microphones.microphoneForCall() ?? {
        error: t('devices.micGone'),
      }
    );
  }

  /** a new warm microphone (chosen, or the fallback after unplugging): the call switches too */
  async microphoneChanged(): Promise<void> {
    const { store, microphones } = this.#options;
    store.getState().inputChosen(microphones.inputId);
    const call = this.#options.currentCall();
    const mic = microphones.microphoneForCall();
    if (!call || !mic) {
      mic?.track.stop();
      return;
    }
    const switched = await call.replaceMicrophone(mic);
    if (!switched.ok) store.getState().problemShown(switched.message);
  }
}
