import { t } from '../i18n/i18n';
import type { Outcome } from '../rtc/LocalAudio';
import type { MicActivity } from '../rtc/MicMonitor';
import type { IcePaths } from '../session/IceServers';
import type { CheckId, CheckResult } from './check-result';
import type { LastCheck } from './last-check';
import { judgeMicrophone, microphoneUnavailable } from './microphone-check';
import { judgeRelayPath, judgeServerPath, type ServerPings } from './network-check';
import { judgeRelays, type RelayAttempt } from './relay-check';
import { turnServers, type RelayServer } from './relay-probe';
import { summarisePings, type PingRun } from './round-trip';
import { judgeSpeaker, toneNotPlayed } from './speaker-check';

/** what the setup page shows */
export interface SetupState {
  /** the step running now; null when idle */
  running: CheckId | null;
  /** what this page's runs found so far */
  results: Partial<Record<CheckId, CheckResult>>;
  /** the speaker test: tone playing, waiting for the agent's answer, or neither */
  tone: 'idle' | 'playing' | 'asking';
}

export interface SetupCheckOptions {
  /** opens the warm microphone (the same one calls use) */
  openMicrophone: () => Promise<Outcome>;
  /** the microphone's activity (rtc/MicMonitor) */
  mic: { readonly activity: MicActivity; subscribe(listener: () => void): () => void };
  /** audio playback and Web Audio need the click's gesture */
  unlockAudio: () => void;
  iceServers: () => Promise<IcePaths>;
  probeRelay: (server: RelayServer) => Promise<RelayAttempt>;
  pingRelay: (server: RelayServer) => Promise<PingRun | { error: string }>;
  pingServer: () => Promise<ServerPings>;
  tone: { play(outputId: string): Promise<Outcome>; stop(): void };
  /** the chosen speaker */
  outputId: () => string;
  /** the signed-in user's last check (setup/KeptCheck): each finished run replaces it */
  kept: { readonly last: LastCheck | undefined; keep(check: LastCheck): void };
  /** how long the microphone test listens */
  listenMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const IDLE: SetupState = { running: null, results: {}, tone: 'idle' };
const ORDER: readonly CheckId[] = ['microphone', 'speaker', 'relay', 'network'];

/**
 * "Test my setup", the checks an agent runs before taking calls (as Twilio's preflight test and
 * Amazon Connect's check do): the microphone heard while they speak, the relay (TURN) servers
 * reached over each transport, round trip and loss through the relay (or to Ringside's server
 * when there is none), and the speaker heard playing a tone (only the agent can say). Each
 * result is a verdict in plain words with what to do; the last run is kept per user (`kept`).
 * Made on the first visit to `/setup`, while someone is signed in; `stop` at sign-out.
 *
 * @example
 * const setup = new SetupCheck({ openMicrophone, mic, unlockAudio, iceServers, …, kept });
 * button.onclick = () => void setup.run();
 * setup.subscribe(() => render(setup.state));
 */
export class SetupCheck {
  readonly #options: SetupCheckOptions;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #listeners = new Set<() => void>();
  #state: SetupState = IDLE;
  #generation = 0;

  constructor(options: SetupCheckOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => Date.now());
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  get state(): SetupState {
    return this.#state;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** at sign-out: forget it all, and let a run in flight finish into nothing */
  stop(): void {
    this.#generation += 1;
    this.#options.tone.stop();
    this.#set(IDLE);
  }

  /** runs the microphone, relay and network checks in turn; call from the click itself */
  async run(): Promise<void> {
    if (this.#state.running) return;
    this.#options.unlockAudio();
    const generation = ++this.#generation;
    try {
      await this.#run(generation);
    } catch (error) {
      // a check that throws must not leave the page saying "Testing…" forever
      if (generation !== this.#generation || !this.#state.running) return;
      this.#record(
        {
          id: this.#state.running,
          verdict: 'fail',
          summary: 'This check stopped unexpectedly, so we could not finish the test.',
          fix: `Run the test again; if it happens again, reload the page. (${error instanceof Error ? error.message : String(error)})`,
        },
        null,
      );
      this.#keep();
    }
  }

  async #run(generation: number): Promise<void> {
    const current = () => generation === this.#generation;
    // the speaker is its own test: an answer given on this page stands
    const speaker = this.#state.results.speaker;
    this.#set({ ...this.#state, running: 'microphone', results: speaker ? { speaker } : {} });

    const microphone = await this.#checkMicrophone();
    if (!current()) return;
    this.#record(microphone, 'relay');

    const paths = await this.#options.iceServers();
    const servers = turnServers(paths.iceServers);
    const attempts = await Promise.all(servers.map((s) => this.#options.probeRelay(s)));
    if (!current()) return;
    this.#record(judgeRelays(attempts, paths.iceTransportPolicy), 'network');

    const network = await this.#checkNetwork(servers, attempts);
    if (!current()) return;
    this.#record(network, null);
    this.#keep();
  }

  /** plays the test tone on the chosen speaker, then asks whether it was heard */
  async playTone(): Promise<void> {
    if (this.#state.tone === 'playing') return;
    this.#options.unlockAudio();
    this.#set({ ...this.#state, tone: 'playing' });
    const played = await this.#options.tone.play(this.#options.outputId());
    // cut short meanwhile (stopTone): nothing to ask
    if (this.state.tone !== 'playing') return;
    if (played.ok) {
      this.#set({ ...this.#state, tone: 'asking' });
      return;
    }
    this.#set({ ...this.#state, tone: 'idle' });
    this.#answer(toneNotPlayed(played.message));
  }

  /** cuts a playing tone short (the page is left); the question is not asked */
  stopTone(): void {
    if (this.#state.tone === 'idle') return;
    this.#set({ ...this.#state, tone: 'idle' });
    this.#options.tone.stop();
  }

  /** the agent's answer to "Did you hear the tone?" */
  heardTone(heard: boolean): void {
    if (this.#state.tone !== 'asking') return;
    this.#set({ ...this.#state, tone: 'idle' });
    this.#answer(judgeSpeaker(heard));
  }

  async #checkMicrophone(): Promise<CheckResult> {
    const opened = await this.#options.openMicrophone();
    if (!opened.ok) return microphoneUnavailable(opened.message);
    const { mic } = this.#options;
    const listenMs = this.#options.listenMs ?? 4000;
    let peakRms = 0;
    let speakingMs = 0;
    let measured = false;
    let last = this.#now();
    const off = mic.subscribe(() => {
      const at = this.#now();
      const { measuring, rms, speaking } = mic.activity;
      if (measuring) {
        measured = true;
        peakRms = Math.max(peakRms, rms);
        if (speaking) speakingMs += at - last;
      }
      last = at;
    });
    await this.#sleep(listenMs);
    off();
    if (!measured) {
      return {
        id: 'microphone',
        verdict: 'warn',
        summary: t('setupCheck.unmeasured'),
        fix: t('setupCheck.unmeasuredFix'),
      };
    }
    return judgeMicrophone({ peakRms, speakingMs, listenedMs: listenMs });
  }

  async #checkNetwork(servers: RelayServer[], attempts: RelayAttempt[]): Promise<CheckResult> {
    // the relay audio would use first: UDP, then TCP, then TLS (as browsers prefer them)
    const preference = { udp: 0, tcp: 1, tls: 2 } as const;
    const best = attempts
      .map((attempt, i) => ({ attempt, server: servers[i] }))
      .filter((a) => a.attempt.reached)
      .sort((x, y) => preference[x.attempt.transport] - preference[y.attempt.transport])[0];
    if (best?.server) {
      const run = await this.#options.pingRelay(best.server);
      if ('sent' in run) return judgeRelayPath(summarisePings(run, 2));
      const viaServer = judgeServerPath(await this.#options.pingServer());
      return {
        ...viaServer,
        summary: `We could not send test audio through the relay (${run.error}), so we measured the server instead. ${viaServer.summary}`,
      };
    }
    return judgeServerPath(await this.#options.pingServer());
  }

  #record(result: CheckResult, next: CheckId | null): void {
    this.#set({
      ...this.#state,
      running: next,
      results: { ...this.#state.results, [result.id]: result },
    });
  }

  #answer(speaker: CheckResult): void {
    this.#set({ ...this.#state, results: { ...this.#state.results, speaker } });
    // a run in flight keeps it with the rest; otherwise it updates the last check
    if (!this.#state.running) this.#keep(this.#options.kept.last?.results);
  }

  /** the page's results become the user's last check, over what was kept before */
  #keep(earlier: readonly CheckResult[] = []): void {
    const merged = new Map(earlier.map((r) => [r.id, r]));
    for (const result of Object.values(this.#state.results)) merged.set(result.id, result);
    const results = ORDER.flatMap((id) => merged.get(id) ?? []);
    this.#options.kept.keep({ at: this.#now(), results });
  }

  #set(next: SetupState): void {
    this.#state = next;
    for (const listener of this.#listeners) listener();
  }
}
