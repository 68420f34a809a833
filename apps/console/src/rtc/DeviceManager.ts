import { silentLogger, type Logger } from '../log';
import type { DeviceOption, MicState } from '../state/types';
import type { Outcome, SessionMicrophone } from './LocalAudio';
import {
  classifyMediaError,
  MIC_UNPLUGGED,
  NO_MEDIA_DEVICES,
  type MicProblem,
} from './media-errors';

type MediaDevicesLike = Pick<
  MediaDevices,
  'getUserMedia' | 'enumerateDevices' | 'addEventListener' | 'removeEventListener'
>;

export interface DeviceManagerOptions {
  /** `navigator.mediaDevices`; undefined on plain http or old browsers */
  mediaDevices: MediaDevicesLike | undefined;
  onMicState: (state: MicState, message?: string) => void;
  onDevices: (inputs: DeviceOption[], outputs: DeviceOption[]) => void;
  /** the microphone is gone and no other could be opened */
  onMicrophoneLost?: (problem: MicProblem) => void;
  /** a different microphone is now the warm one (chosen, or a fallback after unplugging) */
  onMicrophoneChanged?: () => void;
  createStream?: (tracks: MediaStreamTrack[]) => MediaStream;
  log?: Logger;
}

// voice processing on: agents use laptops and headsets in noisy rooms
const VOICE = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };

/**
 * The microphone, opened once (when the agent goes Available) and kept warm so answering needs
 * no new permission prompt; each call gets its own clone. Lists microphones and speakers,
 * switches microphone, and follows plugging and unplugging.
 *
 * @example
 * const devices = new DeviceManager({ mediaDevices: navigator.mediaDevices, onMicState, onDevices });
 * devices.start();
 * if ((await devices.acquire()).ok) goAvailable();
 * const mic = devices.microphoneForCall(); // a clone for one call
 */
export class DeviceManager {
  readonly #options: DeviceManagerOptions;
  readonly #log: Logger;
  #track: MediaStreamTrack | null = null;
  #inputId = '';
  #pending: Promise<Outcome> | null = null;
  #started = false;
  readonly #onDeviceChange = () => void this.#deviceChanged();

  constructor(options: DeviceManagerOptions) {
    this.#options = options;
    this.#log = options.log ?? silentLogger;
  }

  /** listens for plugging and unplugging */
  start(): void {
    if (this.#started || !this.#options.mediaDevices) return;
    this.#started = true;
    this.#options.mediaDevices.addEventListener('devicechange', this.#onDeviceChange);
  }

  stop(): void {
    this.#options.mediaDevices?.removeEventListener('devicechange', this.#onDeviceChange);
    this.#started = false;
    this.release();
  }

  /** the microphone in use; '' is the browser's default */
  get inputId(): string {
    return this.#inputId;
  }

  /** whether a live microphone track is warm */
  get ready(): boolean {
    return this.#track !== null && this.#track.readyState === 'live';
  }

  /** opens the microphone unless it is already open; asks for permission the first time */
  acquire(): Promise<Outcome> {
    if (this.ready) return Promise.resolve({ ok: true });
    this.#pending ??= this.#open(this.#inputId).finally(() => {
      this.#pending = null;
    });
    return this.#pending;
  }

  /** a clone of the warm microphone for one call; the call stops it when it ends */
  microphoneForCall(): SessionMicrophone | null {
    if (!this.ready || !this.#track) return null;
    const track = this.#track.clone();
    const create = this.#options.createStream ?? ((tracks) => new MediaStream(tracks));
    return { track, stream: create([track]) };
  }

  /** switches to another microphone ('' for the default); the old one closes once the new one works */
  async chooseInput(deviceId: string): Promise<Outcome> {
    if (deviceId === this.#inputId && this.ready) return { ok: true };
    const previous = this.#inputId;
    this.#inputId = deviceId;
    const opened = await this.#open(deviceId);
    if (!opened.ok) this.#inputId = previous;
    return opened;
  }

  /** closes the microphone (sign-out, going Away is not a reason: it stays warm) */
  release(): void {
    this.#track?.stop();
    this.#track = null;
  }

  /** re-reads the device lists (labels appear once permission is granted) */
  async refresh(): Promise<void> {
    const devices = this.#options.mediaDevices;
    if (!devices) return;
    try {
      const all = await devices.enumerateDevices();
      const pick = (kind: MediaDeviceKind) =>
        all
          .filter((d) => d.kind === kind && d.deviceId !== '' && d.deviceId !== 'default')
          .map((d, i) => ({
            id: d.deviceId,
            label: d.label || `${kind === 'audioinput' ? 'Microphone' : 'Speaker'} ${i + 1}`,
          }));
      this.#options.onDevices(pick('audioinput'), pick('audiooutput'));
    } catch (error) {
      this.#log.warn('could not list media devices', { error: String(error) });
    }
  }

  async #open(deviceId: string): Promise<Outcome> {
    const devices = this.#options.mediaDevices;
    if (!devices) return this.#problem(NO_MEDIA_DEVICES);
    this.#options.onMicState('requesting');
    let stream: MediaStream;
    try {
      stream = await devices.getUserMedia({
        audio: deviceId === '' ? VOICE : { ...VOICE, deviceId: { exact: deviceId } },
        video: false,
      });
    } catch (error) {
      // the warm microphone, if any, keeps working when switching fails
      if (this.ready) {
        this.#options.onMicState('ready');
        return { ok: false, message: classifyMediaError(error).message };
      }
      return this.#problem(classifyMediaError(error));
    }
    const [track] = stream.getAudioTracks();
    if (!track) return this.#problem(classifyMediaError({ name: 'NotFoundError' }));
    const replaced = this.#track !== null;
    this.#track?.stop();
    this.#track = track;
    track.addEventListener('ended', () => void this.#trackEnded(track));
    this.#options.onMicState('ready');
    void this.refresh();
    if (replaced) this.#options.onMicrophoneChanged?.();
    return { ok: true };
  }

  #problem(problem: MicProblem): Outcome {
    this.#options.onMicState(problem.state, problem.message);
    return { ok: false, message: problem.message };
  }

  /** the device went away under us: fall back to the default one, else report the loss */
  async #trackEnded(track: MediaStreamTrack): Promise<void> {
    if (track !== this.#track) return;
    this.#log.warn('microphone track ended; trying the default microphone');
    this.#track = null;
    this.#inputId = '';
    const reopened = await this.#open('');
    if (reopened.ok) {
      this.#options.onMicrophoneChanged?.();
      return;
    }
    // #open has set the microphone state and its fix; the agent also learns they went Away
    this.#options.onMicrophoneLost?.(MIC_UNPLUGGED);
  }

  async #deviceChanged(): Promise<void> {
    // an unplugged microphone also ends its track, which #trackEnded handles; here the lists
    // only need to follow
    await this.refresh();
  }
}
