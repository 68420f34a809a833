import type { Locale, SelectableAgentStatus } from '@ringside/contracts';
import { AuthApi } from '../api/auth-api';
import { CallActionsApi } from '../api/call-actions-api';
import type { ApiError } from '../api/http';
import { RestClient } from '../api/rest-client';
import { RtcApi } from '../api/rtc-api';
import { SimApi } from '../api/sim-api';
import { DesktopNotifier } from '../alerts/DesktopNotifier';
import { RingAlerts } from '../alerts/RingAlerts';
import { Ringtone } from '../alerts/Ringtone';
import { TitleFlasher } from '../alerts/TitleFlasher';
import { AgentPresence } from '../calls/AgentPresence';
import { CallController } from '../calls/CallController';
import { PermissionReplies } from '../calls/PermissionReplies';
import { PreparedAnswers } from '../calls/PreparedAnswers';
import { RingingCalls } from '../calls/RingingCalls';
import { DeviceChoice } from '../devices/DeviceChoice';
import type { ConsoleEnv } from '../env';
import { i18n } from '../i18n/i18n';
import { Languages } from '../i18n/Languages';
import { loadCatalog } from '../i18n/load-catalog';
import { createLogger, type Logger } from '../log';
import { AudioEngine } from '../rtc/audio-engine';
import { DeviceManager } from '../rtc/DeviceManager';
import { MicMonitor } from '../rtc/MicMonitor';
import { createHoldMusic } from '../rtc/hold-music';
import { inboundMedia, outboundMedia, type MediaParts } from '../rtc/call-media';
import type { SessionMicrophone } from '../rtc/LocalAudio';
import { RemoteAudio } from '../rtc/RemoteAudio';
import { followSpeakerChoice } from '../rtc/speaker-follow';
import { SignalingClient } from '../signaling/SignalingClient';
import { createSocketIoTransport, type SignalingTransport } from '../signaling/transport';
import { ConsoleSession } from '../session/ConsoleSession';
import { IceServers } from '../session/IceServers';
import type { SetupParts } from '../setup/create-setup-check';
import { KeptCheck } from '../setup/KeptCheck';
import { LastChecks, localStorageOf } from '../setup/last-check';
import type { SetupCheck } from '../setup/SetupCheck';
import { createAppStore, type AppStore } from '../state/store';
import { TabOwnership } from '../tabs/TabOwnership';
import { UnloadGuard } from '../unload/UnloadGuard';

export interface ConsoleServicesOptions {
  env: ConsoleEnv;
  win: Window;
  transport?: SignalingTransport;
}

/**
 * The console's composition root: the store and every plain class (socket, devices, sessions,
 * alerts, tab ownership), wired once. Components reach it through `useServices()`; nothing
 * here is a module-level singleton.
 *
 * @example
 * const services = new ConsoleServices({ env: readEnv(), win: window });
 * await services.boot(); // signed in already? start; otherwise the login page shows
 */
export class ConsoleServices {
  readonly store: AppStore = createAppStore();
  readonly rest = new RestClient();
  readonly auth = new AuthApi(this.rest);
  readonly sim = new SimApi(this.rest);
  readonly callActions = new CallActionsApi(this.rest);
  /** the signed-in user's STUN and TURN servers, for every call's connection */
  readonly ice: IceServers;
  readonly env: ConsoleEnv;
  readonly signaling: SignalingClient;
  readonly devices: DeviceManager;
  readonly deviceChoice: DeviceChoice;
  /** the agent's own microphone level and speech, whenever it is open */
  readonly micMonitor: MicMonitor;
  /** the signed-in user's last "Test my setup" run, which the agent view shows */
  readonly lastCheck: KeptCheck;
  readonly ringing: RingingCalls;
  /** the answer to the call ringing longest, built while it rings */
  readonly prepared: PreparedAnswers;
  readonly calls: CallController;
  readonly presence: AgentPresence;
  readonly permissions: PermissionReplies;
  readonly session: ConsoleSession;
  /** the console's language: the browser's until the signed-in user's own choice is known */
  readonly languages: Languages;
  readonly #audio: RemoteAudio;
  readonly #engine = new AudioEngine();
  readonly #notifier: DesktopNotifier;
  readonly #alerts: RingAlerts;
  readonly #unload: UnloadGuard;
  readonly #setupParts: SetupParts;
  /** made on the first visit to /setup (`setupCheck`) */
  #setupCheck: SetupCheck | undefined;

  constructor(options: ConsoleServicesOptions) {
    const { env, win } = options;
    const log = (scope: string) => createLogger(scope, env.logLevel);
    this.ice = new IceServers({ fetch: () => new RtcApi(this.rest).iceConfig(), log: log('ice') });
    this.env = env;
    const i18nLog = log('i18n');
    this.languages = new Languages({
      i18n,
      load: loadCatalog,
      root: win.document.documentElement,
      storage: localStorageOf(win),
      onError: (locale, error) => i18nLog.warn('catalog not loaded', { locale, error }),
    });
    // the signed-in user's own choice, from the server, wins over the browser's languages
    this.store.subscribe((state, previous) => {
      const chosen = state.me?.locale;
      if (chosen && chosen !== previous.me?.locale) void this.languages.use(chosen);
    });
    this.#audio = new RemoteAudio(win.document);
    this.#notifier = new DesktopNotifier(win);
    this.signaling = new SignalingClient({
      transport: options.transport ?? createSocketIoTransport(),
      log: log('socket'),
    });
    this.devices = new DeviceManager({
      mediaDevices: win.navigator.mediaDevices as MediaDevices | undefined,
      onMicState: (state, message) => this.store.getState().micChanged(state, message),
      onDevices: (inputs, outputs) => this.store.getState().devicesListed(inputs, outputs),
      onMicrophoneLost: (problem) => void this.presence.microphoneLost(problem),
      onMicrophoneChanged: () => {
        void this.deviceChoice.microphoneChanged();
        this.micMonitor.microphoneChanged();
      },
      log: log('devices'),
    });
    this.deviceChoice = new DeviceChoice({
      store: this.store,
      microphones: this.devices,
      speaker: this.#audio,
      currentCall: () => this.calls.session ?? undefined,
    });
    this.micMonitor = new MicMonitor({
      store: this.store,
      microphone: () => this.devices.microphoneForCall(),
      context: () => this.#engine.context(),
    });
    this.lastCheck = new KeptCheck({
      userId: () => this.store.getState().me?.id,
      stored: new LastChecks(localStorageOf(win)),
    });
    this.#setupParts = {
      win,
      store: this.store,
      microphone: this.devices,
      mic: this.micMonitor,
      ice: this.ice,
      audio: () => this.#engine.context(),
      unlockAudio: () => this.#engine.unlock(),
      kept: this.lastCheck,
    };
    this.ringing = new RingingCalls({
      store: this.store,
      signaling: this.signaling,
      log: log('ring'),
    });
    this.prepared = new PreparedAnswers({
      store: this.store,
      microphone: () => this.deviceChoice.microphoneForCall(),
      offerFor: (callId) => this.ringing.offerFor(callId),
      createMedia: async (card, microphone, offer, audio) =>
        inboundMedia(
          { ...(await this.#mediaParts(card.callId, microphone, log('call'))), audio },
          card.channel,
          offer,
        ),
      speaker: this.#audio,
      log: log('call'),
    });
    this.calls = new CallController({
      store: this.store,
      signaling: this.signaling,
      createInboundMedia: async (card, microphone, offer) =>
        inboundMedia(
          await this.#mediaParts(card.callId, microphone, log('call')),
          card.channel,
          offer,
        ),
      createOutboundMedia: async ({ callId, from }, microphone) =>
        outboundMedia(await this.#mediaParts(callId, microphone, log('call')), from.channel),
      microphoneForCall: () => this.deviceChoice.microphoneForCall(),
      takeOffer: (callId) => this.ringing.takeOffer(callId),
      takePrepared: (callId) => this.prepared.take(callId),
      hangUpOverHttp: (callId) => this.callActions.hangUpOnUnload(callId),
      log: log('call'),
    });
    this.permissions = new PermissionReplies({ store: this.store, signaling: this.signaling });
    this.presence = new AgentPresence({
      store: this.store,
      signaling: this.signaling,
      acquireMicrophone: () => this.devices.acquire(),
      unlockFromGesture: () => {
        this.#engine.unlock();
        this.#audio.unlock();
        this.#notifier.requestPermission();
      },
    });
    this.#alerts = new RingAlerts(this.store, {
      ringtone: new Ringtone(this.#engine),
      notifier: this.#notifier,
      title: new TitleFlasher(win.document),
    });
    this.#unload = new UnloadGuard({
      store: this.store,
      target: win,
      hangUpOnUnload: (callId) => this.callActions.hangUpOnUnload(callId),
    });
    this.signaling.onState((state) => this.store.getState().setConnection(state));
    this.session = new ConsoleSession({
      store: this.store,
      auth: this.auth,
      whileSignedIn: [
        this.ice,
        this.devices,
        this.micMonitor,
        this.lastCheck,
        // a test in flight at sign-out finishes into nothing; the next user starts afresh
        { start: () => undefined, stop: () => this.#setupCheck?.stop() },
        this.#alerts,
        this.#unload,
      ],
      calls: {
        start: () => {
          this.ringing.start();
          this.prepared.start();
          this.calls.start();
          this.presence.start();
          this.permissions.start();
          this.signaling.connect();
        },
        stop: async () => {
          await this.calls.relinquish();
          this.signaling.disconnect();
          this.ringing.stop();
          this.prepared.stop();
          this.calls.stop();
          this.presence.stop();
          this.permissions.stop();
        },
      },
      tabsFor: (me, onChange) =>
        new TabOwnership({
          name: `ringside:calls:${me.id}`,
          locks: win.navigator.locks as LockManager | undefined,
          channel:
            typeof BroadcastChannel === 'function'
              ? new BroadcastChannel(`ringside:tabs:${me.id}`)
              : undefined,
          onChange,
          log: log('tabs'),
        }),
      simulatorEnabled: () => this.sim.enabled(),
    });
    // the server no longer knows this session (expired, signed out elsewhere)
    this.signaling.onRefused(() => void this.session.ended());
    this.store.getState().setCanChooseSpeaker(this.#audio.canChooseSpeaker);
    followSpeakerChoice(this.store, this.#audio);
  }

  /**
   * "Test my setup" (microphone, speaker, relay and network checks), made once over this
   * console's parts. `create` comes from the setup page's route module, so the checks are in
   * that page's lazy chunk, not the console's first load.
   *
   * @example
   * const setup = services.setupCheck(createSetupCheck); // in app/SetupRoute.tsx
   */
  setupCheck(create: (parts: SetupParts) => SetupCheck): SetupCheck {
    this.#setupCheck ??= create(this.#setupParts);
    return this.#setupCheck;
  }

  /** finds out whether the browser is signed in; idempotent */
  boot(): Promise<void> {
    return this.session.boot();
  }

  signIn(email: string, password: string): Promise<ApiError | undefined> {
    return this.session.signIn(email, password);
  }

  signOut(): Promise<void> {
    return this.session.signOut();
  }

  /**
   * The user picked a language: the console speaks it at once, and the server keeps it for
   * their next sign-in anywhere.
   */
  async chooseLocale(locale: Locale): Promise<void> {
    if (!(await this.languages.use(locale))) return;
    const saved = await this.auth.setLocale(locale);
    if (saved.ok && this.store.getState().me) this.store.getState().signedIn(saved.data);
  }

  setStatus(status: SelectableAgentStatus): Promise<void> {
    return this.presence.choose(status);
  }

  takeOver(): void {
    this.session.takeOver();
  }

  async saveWrapUp(notes: string, disposition: string): Promise<void> {
    const wrapUp = this.store.getState().wrapUp;
    if (!wrapUp || wrapUp.saving) return;
    this.store.getState().wrapUpSaving(wrapUp.callId);
    const saved = await this.callActions.saveWrapUp(wrapUp.callId, {
      notes,
      ...(disposition ? { disposition } : {}),
    });
    if (saved.ok) this.store.getState().wrapUpClosed(wrapUp.callId);
    else this.store.getState().wrapUpFailed(wrapUp.callId, saved.error.message);
  }

  /** what every call's media gets: STUN/TURN, the speaker, hold music when audio is unlocked */
  async #mediaParts(
    callId: string,
    microphone: SessionMicrophone,
    log: Logger,
  ): Promise<MediaParts> {
    const icePaths = await this.ice.ready();
    const context = this.#engine.context();
    return {
      callId,
      microphone,
      icePaths,
      audio: this.#audio,
      ...(context ? { createHoldMusic: () => createHoldMusic(context) } : {}),
      log,
    };
  }
}
