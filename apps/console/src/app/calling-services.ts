import type { SelectableAgentStatus } from '@ringside/contracts';
import type { CallActionsApi } from '../api/call-actions-api';
import type { RestClient } from '../api/rest-client';
import { RtcApi } from '../api/rtc-api';
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
import { createLogger, type Logger } from '../log';
import { AudioEngine } from '../rtc/audio-engine';
import { DeviceManager } from '../rtc/DeviceManager';
import { MicMonitor } from '../rtc/MicMonitor';
import { createHoldMusic } from '../rtc/hold-music';
import { ListenIn } from '../calls/ListenIn';
import { WhisperLeg } from '../calls/WhisperLeg';
import { CallTransfer } from '../calls/CallTransfer';
import { ConsultLeg } from '../calls/ConsultLeg';
import { TransferOffers } from '../calls/TransferOffers';
import { inboundMedia, outboundMedia, type MediaParts } from '../rtc/call-media';
import type { SessionMicrophone } from '../rtc/LocalAudio';
import { RemoteAudio } from '../rtc/RemoteAudio';
import { followSpeakerChoice } from '../rtc/speaker-follow';
import type { CallsPart, SignedInPart } from '../session/ConsoleSession';
import { IceServers } from '../session/IceServers';
import type { SetupParts } from '../setup/create-setup-check';
import { KeptCheck } from '../setup/KeptCheck';
import { LastChecks, localStorageOf } from '../setup/last-check';
import type { SetupCheck } from '../setup/SetupCheck';
import { SignalingClient } from '../signaling/SignalingClient';
import { createSocketIoTransport, type SignalingTransport } from '../signaling/transport';
import type { AppStore } from '../state/store';
import { UnloadGuard } from '../unload/UnloadGuard';

export interface CallingServicesOptions {
  env: ConsoleEnv;
  win: Window;
  store: AppStore;
  rest: RestClient;
  callActions: CallActionsApi;
  transport?: SignalingTransport;
  /** the server no longer knows this session (expired, signed out elsewhere) */
  onSessionRefused: () => void;
}

/**
 * What a signed-in console runs, wired once: the socket, devices and microphone level, ringing
 * calls and the answers prepared for them, the call in progress, presence, ring alerts, the
 * unload guard and "Test my setup". It is a chunk of its own, loaded while the console signs in
 * (`ConsoleServices.loadCalling`), so the login page and the first paint do not wait for
 * Socket.IO, SDP and WebRTC code. Components reach it through `useCalling()`.
 *
 * @example
 * const calling = new CallingServices({ env, win: window, store, rest, callActions, onSessionRefused });
 * calling.signedIn.start(); // devices, alerts, unload guard
 * calling.callMachinery.start(); // in the tab that owns calls: socket, ringing, presence
 */
export class CallingServices {
  /** the signed-in user's STUN and TURN servers, for every call's connection */
  readonly ice: IceServers;
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
  /** a supervisor listening in on an anchored call, from the live board */
  readonly listenIn: ListenIn;
  /** a supervisor whispering to this agent on their call, heard beside it */
  readonly whisper: WhisperLeg;
  /** the agent handing their anchored call to a colleague */
  readonly transfer: CallTransfer;
  /** colleagues' calls offered to this agent, and the line with one in a warm transfer */
  readonly transferOffers: TransferOffers;
  /** what runs in every signed-in tab; `ConsoleSession` starts and stops it */
  readonly signedIn: SignedInPart;
  /** the call machinery, run only by the tab that owns calls; `ConsoleSession` runs it */
  readonly callMachinery: CallsPart;
  readonly #audio: RemoteAudio;
  /** the supervisor's whisper plays here, never in the call's own element */
  readonly #whisperAudio: RemoteAudio;
  /** the colleague handing over a call (a warm transfer) plays here */
  readonly #consultAudio: RemoteAudio;
  readonly #engine = new AudioEngine();
  readonly #notifier: DesktopNotifier;
  readonly #setupParts: SetupParts;
  /** made on the first visit to /setup (`setupCheck`) */
  #setupCheck: SetupCheck | undefined;

  constructor(options: CallingServicesOptions) {
    const { env, win, store, rest, callActions } = options;
    const log = (scope: string) => createLogger(scope, env.logLevel);
    this.ice = new IceServers({ fetch: () => new RtcApi(rest).iceConfig(), log: log('ice') });
    this.#audio = new RemoteAudio(win.document);
    this.#whisperAudio = new RemoteAudio(win.document);
    this.#consultAudio = new RemoteAudio(win.document);
    this.#notifier = new DesktopNotifier(win);
    this.signaling = new SignalingClient({
      transport: options.transport ?? createSocketIoTransport(),
      log: log('socket'),
    });
    this.devices = new DeviceManager({
      mediaDevices: win.navigator.mediaDevices as MediaDevices | undefined,
      onMicState: (state, message) => store.getState().micChanged(state, message),
      onDevices: (inputs, outputs) => store.getState().devicesListed(inputs, outputs),
      onMicrophoneLost: (problem) => void this.presence.microphoneLost(problem),
      onMicrophoneChanged: () => {
        void this.deviceChoice.microphoneChanged();
        this.micMonitor.microphoneChanged();
      },
      log: log('devices'),
    });
    this.deviceChoice = new DeviceChoice({
      store,
      microphones: this.devices,
      speaker: this.#audio,
      currentCall: () => this.calls.session ?? undefined,
    });
    this.micMonitor = new MicMonitor({
      store,
      microphone: () => this.devices.microphoneForCall(),
      context: () => this.#engine.context(),
    });
    this.lastCheck = new KeptCheck({
      userId: () => store.getState().me?.id,
      stored: new LastChecks(localStorageOf(win)),
    });
    this.#setupParts = {
      win,
      store,
      microphone: this.devices,
      mic: this.micMonitor,
      ice: this.ice,
      audio: () => this.#engine.context(),
      unlockAudio: () => this.#engine.unlock(),
      kept: this.lastCheck,
    };
    this.ringing = new RingingCalls({ store, signaling: this.signaling, log: log('ring') });
    this.prepared = new PreparedAnswers({
      store,
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
      store,
      signaling: this.signaling,
      createInboundMedia: async (card, microphone, offer) =>
        inboundMedia(
          await this.#mediaParts(card.callId, microphone, log('call')),
          card.channel,
          offer,
        ),
      createOutboundMedia: async ({ callId, from }, microphone) =>
        outboundMedia(await this.#mediaParts(callId, microphone, log('call')), from.channel),
      // the engine's offer of a fresh leg is Meta-shaped: answered as a WhatsApp ring is
      createRejoinMedia: async (callId, microphone, offer) =>
        inboundMedia(await this.#mediaParts(callId, microphone, log('call')), 'whatsapp', offer),
      microphoneForCall: () => this.deviceChoice.microphoneForCall(),
      takeOffer: (callId) => this.ringing.takeOffer(callId),
      takePrepared: (callId) => this.prepared.take(callId),
      hangUpOverHttp: (callId) => callActions.hangUpOnUnload(callId),
      log: log('call'),
    });
    this.permissions = new PermissionReplies({ store, signaling: this.signaling });
    this.listenIn = new ListenIn({
      signaling: this.signaling,
      // an element of its own: what the supervisor hears never replaces their own call's audio
      audio: new RemoteAudio(win.document),
      icePaths: () => this.ice.ready(),
      microphone: () => win.navigator.mediaDevices.getUserMedia({ audio: true }),
    });
    this.whisper = new WhisperLeg({
      store,
      signaling: this.signaling,
      audio: this.#whisperAudio,
      icePaths: () => this.ice.ready(),
      log: log('whisper'),
    });
    this.transfer = new CallTransfer({
      store,
      signaling: this.signaling,
      handedOver: (callId, words) => this.calls.handedOver(callId, words),
      log: log('transfer'),
    });
    this.transferOffers = new TransferOffers({
      store,
      signaling: this.signaling,
      consult: new ConsultLeg({
        signaling: this.signaling,
        audio: this.#consultAudio,
        icePaths: () => this.ice.ready(),
        microphone: () => this.deviceChoice.microphoneForCall(),
        log: log('transfer'),
      }),
      log: log('transfer'),
    });
    this.presence = new AgentPresence({
      store,
      signaling: this.signaling,
      acquireMicrophone: () => this.devices.acquire(),
      unlockFromGesture: () => {
        this.#engine.unlock();
        this.#audio.unlock();
        this.#whisperAudio.unlock();
        this.#consultAudio.unlock();
        this.#notifier.requestPermission();
      },
    });
    const alerts = new RingAlerts(store, {
      ringtone: new Ringtone(this.#engine),
      notifier: this.#notifier,
      title: new TitleFlasher(win.document),
    });
    const unload = new UnloadGuard({
      store,
      target: win,
      // a direct call ends with the tab; an anchored one waits for a reloaded tab to rejoin
      hangUpOnUnload: (callId) => callActions.leaveOnUnload(callId),
    });
    const everyTab: readonly SignedInPart[] = [
      this.ice,
      this.devices,
      this.micMonitor,
      this.lastCheck,
      // a test in flight at sign-out finishes into nothing; the next user starts afresh
      { start: () => undefined, stop: () => this.#setupCheck?.stop() },
      alerts,
      unload,
    ];
    this.signedIn = {
      start: () => everyTab.forEach((part) => part.start()),
      stop: () => everyTab.forEach((part) => part.stop()),
    };
    this.callMachinery = {
      start: () => {
        this.ringing.start();
        this.prepared.start();
        this.calls.start();
        this.presence.start();
        this.permissions.start();
        this.whisper.start();
        this.transfer.start();
        this.transferOffers.start();
        this.signaling.connect();
      },
      stop: async () => {
        this.listenIn.close();
        this.whisper.stop();
        this.transfer.stop();
        this.transferOffers.stop();
        await this.calls.relinquish();
        this.signaling.disconnect();
        this.ringing.stop();
        this.prepared.stop();
        this.calls.stop();
        this.presence.stop();
        this.permissions.stop();
      },
    };
    this.signaling.onState((state) => store.getState().setConnection(state));
    this.signaling.onRefused(options.onSessionRefused);
    store.getState().setCanChooseSpeaker(this.#audio.canChooseSpeaker);
    followSpeakerChoice(store, this.#audio);
    // on the agent's headset with the call: from a loudspeaker the microphone would pass it on
    followSpeakerChoice(store, this.#whisperAudio);
    followSpeakerChoice(store, this.#consultAudio);
  }

  /**
   * "Test my setup" (microphone, speaker, relay and network checks), made once over this
   * console's parts. `create` comes from the setup page's route module, so the checks are in
   * that page's lazy chunk, not the console's first load.
   *
   * @example
   * const setup = useCalling().setupCheck(createSetupCheck); // in app/SetupRoute.tsx
   */
  setupCheck(create: (parts: SetupParts) => SetupCheck): SetupCheck {
    this.#setupCheck ??= create(this.#setupParts);
    return this.#setupCheck;
  }

  setStatus(status: SelectableAgentStatus): Promise<void> {
    return this.presence.choose(status);
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
