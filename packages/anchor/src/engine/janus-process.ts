import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { AnchorError } from '../errors';
import { freeTcpPort } from './free-port';
import {
  AUDIOBRIDGE_PLUGIN,
  DEBIAN_JANUS_LIB,
  renderJanusConfig,
  WEBSOCKETS_TRANSPORT,
  type JanusConfigOptions,
} from './janus-config';
import { janusServerName } from './janus-info';
import { acceptsConnections } from './tcp-probe';

const DEFAULT_START_TIMEOUT_MS = 10_000;
const STOP_GRACE_MS = 3_000;
const PROBE_EVERY_MS = 50;
/** how much of janus's output is kept for an error message */
const LOG_TAIL_LINES = 40;

export interface JanusProcessOptions {
  /** the janus binary; default `janus` on the PATH */
  binary?: string;
  /** where libjanus_audiobridge.so and libjanus_websockets.so are; default Debian's folder */
  libFolder?: string;
  /** the WebSocket API's address; default 127.0.0.1 */
  wsHost?: string;
  /** default: a free port on wsHost */
  wsPort?: number;
  /**
   * the interfaces or addresses ICE gathers on, e.g. "eth0" or "10.0.0.5"; default all.
   * Janus never gathers on loopback (ice.c skips IFF_LOOPBACK), so 127.0.0.1 cannot carry media
   */
  iceEnforceList?: string;
  nat1To1?: string;
  rtpPortRange?: JanusConfigOptions['rtpPortRange'];
  /** default `ringside-anchor` */
  serverName?: string;
  debugLevel?: number;
  startTimeoutMs?: number;
}

/** how the process ended */
export interface JanusExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** true when {@link JanusProcess.stop} ended it */
  expected: boolean;
}

/**
 * One janus process with a configuration of its own in a temporary folder: the AudioBridge
 * plugin and the WebSocket transport only, the API on `wsHost` at a free port.
 *
 * @example
 * const engine = await JanusProcess.start();
 * engine.url; // 'ws://127.0.0.1:39127'
 * engine.exited.then((exit) => exit.expected || console.warn('the engine died', exit));
 * await engine.stop();
 */
export class JanusProcess {
  readonly url: string;
  /** settles once the process has ended, whoever ended it */
  readonly exited: Promise<JanusExit>;
  readonly #child: ChildProcess;
  readonly #folder: string;
  readonly #log: string[];
  #stopping = false;
  #spawnError: Error | null = null;
  #ended = false;

  private constructor(child: ChildProcess, folder: string, url: string, log: string[]) {
    this.#child = child;
    this.#folder = folder;
    this.url = url;
    this.#log = log;
    // a Node process that exits (an uncaught exception included) takes its engine with it
    const orphanGuard = () => {
      child.kill('SIGKILL');
      rmSync(folder, { recursive: true, force: true });
    };
    process.once('exit', orphanGuard);
    this.exited = new Promise((resolve) => {
      const ended = (code: number | null, signal: NodeJS.Signals | null) => {
        if (this.#ended) return;
        this.#ended = true;
        process.removeListener('exit', orphanGuard);
        resolve({ code, signal, expected: this.#stopping });
      };
      child.once('exit', ended);
      // a binary that cannot be run never exits: it never started
      child.once('error', (error) => {
        if (child.pid !== undefined) return;
        this.#spawnError = error;
        ended(null, null);
      });
    });
  }

  /** starts janus and resolves once its WebSocket accepts connections */
  static async start(options: JanusProcessOptions = {}): Promise<JanusProcess> {
    const libFolder = options.libFolder ?? DEBIAN_JANUS_LIB;
    const plugin = join(libFolder, 'plugins', AUDIOBRIDGE_PLUGIN);
    const transport = join(libFolder, 'transports', WEBSOCKETS_TRANSPORT);
    for (const file of [plugin, transport]) {
      if (!existsSync(file)) {
        throw new AnchorError('engine_not_installed', `${file} is missing: install janus`);
      }
    }
    const wsHost = options.wsHost ?? '127.0.0.1';
    // unique, so the readiness check knows it reached this janus and not whatever else listens
    const serverName = `${options.serverName ?? 'ringside-anchor'}-${randomUUID().slice(0, 8)}`;
    const wsPort = options.wsPort ?? (await freeTcpPort(wsHost));
    const folder = await mkdtemp(join(tmpdir(), 'ringside-janus-'));
    const paths = {
      configsFolder: join(folder, 'conf'),
      pluginsFolder: join(folder, 'plugins'),
      transportsFolder: join(folder, 'transports'),
      emptyFolder: join(folder, 'none'),
    };
    for (const path of Object.values(paths)) await mkdir(path);
    // janus loads every library in its folders: these hold just the two we use
    await symlink(plugin, join(paths.pluginsFolder, AUDIOBRIDGE_PLUGIN));
    await symlink(transport, join(paths.transportsFolder, WEBSOCKETS_TRANSPORT));
    const files = renderJanusConfig({
      ...paths,
      wsHost,
      wsPort,
      ...(options.iceEnforceList ? { iceEnforceList: options.iceEnforceList } : {}),
      ...(options.nat1To1 ? { nat1To1: options.nat1To1 } : {}),
      ...(options.rtpPortRange ? { rtpPortRange: options.rtpPortRange } : {}),
      serverName,
      ...(options.debugLevel === undefined ? {} : { debugLevel: options.debugLevel }),
    });
    for (const [name, text] of Object.entries(files)) {
      await writeFile(join(paths.configsFolder, name), text);
    }

    const log: string[] = [];
    const child = spawn(
      options.binary ?? 'janus',
      ['-F', paths.configsFolder, '-C', join(paths.configsFolder, 'janus.jcfg'), '-o'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const keep = (chunk: Buffer) => {
      log.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      if (log.length > LOG_TAIL_LINES) log.splice(0, log.length - LOG_TAIL_LINES);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const engine = new JanusProcess(child, folder, `ws://${wsHost}:${wsPort}`, log);
    try {
      await engine.#waitUntilReady(
        { host: wsHost, port: wsPort, serverName },
        options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS,
      );
    } catch (error) {
      await engine.stop();
      throw error;
    }
    return engine;
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** whether the process is still running */
  get running(): boolean {
    return !this.#ended;
  }

  /** the last lines janus printed, for diagnosing a failure */
  logTail(): string {
    return this.#log.join('\n');
  }

  /** ends janus (SIGTERM, then SIGKILL after a grace period) and removes its folder */
  async stop(): Promise<void> {
    this.#stopping = true;
    if (!this.#ended) {
      this.#child.kill('SIGTERM');
      const grace = delay(STOP_GRACE_MS, 'late' as const);
      if ((await Promise.race([this.exited, grace])) === 'late') {
        this.#child.kill('SIGKILL');
        await this.exited;
      }
    }
    await rm(this.#folder, { recursive: true, force: true });
  }

  async #waitUntilReady(
    expected: { host: string; port: number; serverName: string },
    timeoutMs: number,
  ): Promise<void> {
    const { host, port, serverName } = expected;
    const deadline = Date.now() + timeoutMs;
    let failed: string | null = null;
    void this.exited.then((exit) => {
      failed = this.#spawnError
        ? `janus could not be run: ${this.#spawnError.message}`
        : `janus exited (${exit.signal ?? exit.code}) while starting`;
    });
    let answered: string | null = null;
    while (Date.now() < deadline && failed === null) {
      if (await acceptsConnections(host, port)) {
        answered = await janusServerName(this.url);
        if (answered === serverName) return;
      }
      await delay(PROBE_EVERY_MS);
    }
    const reason =
      failed ??
      (answered === null
        ? `janus did not answer on ${host}:${port} within ${timeoutMs} ms`
        : `another server answers on ${host}:${port} ("${answered}")`);
    throw new AnchorError('engine_start_failed', `${reason}\n${this.logTail()}`);
  }
}
