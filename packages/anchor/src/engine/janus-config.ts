/** where the Debian `janus` package puts its plugins and transports */
export const DEBIAN_JANUS_LIB = '/usr/lib/x86_64-linux-gnu/janus';

/** the plugin and transport the anchor loads; every other one stays off */
export const AUDIOBRIDGE_PLUGIN = 'libjanus_audiobridge.so';
export const WEBSOCKETS_TRANSPORT = 'libjanus_websockets.so';

export interface JanusConfigOptions {
  /** the folder the rendered files live in (janus's `configs_folder`) */
  configsFolder: string;
  /** folders holding only the plugin and transport to load (see {@link AUDIOBRIDGE_PLUGIN}) */
  pluginsFolder: string;
  transportsFolder: string;
  /** an empty folder: no event handlers, no loggers */
  emptyFolder: string;
  /** the Janus API over WebSocket listens here only */
  wsHost: string;
  wsPort: number;
  /** the only interfaces or addresses ICE gathers candidates on, e.g. "eth0"; default all */
  iceEnforceList?: string;
  /** public address written into host candidates behind a 1:1 NAT (e.g. a cloud VM) */
  nat1To1?: string;
  /** UDP ports for media, e.g. { min: 20000, max: 20999 }; the OS picks when left out */
  rtpPortRange?: { min: number; max: number };
  /** the engine's name in `info` replies */
  serverName: string;
  /** 0-7; default 3 (errors and warnings) */
  debugLevel?: number;
}

/** the three files janus reads, by name */
export type JanusConfigFiles = Record<
  'janus.jcfg' | 'janus.transport.websockets.jcfg' | 'janus.plugin.audiobridge.jcfg',
  string
>;

/**
 * Janus's configuration for one anchor engine, as jcfg text. A full ICE agent (Meta is ICE-lite,
 * so ours must be the full, controlling side), half-trickle (our candidates go inside the SDP,
 * as Meta takes no trickle), the WebSocket API bound to one address, nothing else loaded.
 *
 * @example
 * const files = renderJanusConfig({ configsFolder: '/tmp/j', …, wsHost: '127.0.0.1', wsPort: 18188 });
 * files['janus.jcfg']; // 'general: {\n\tconfigs_folder = "/tmp/j"\n…'
 */
export function renderJanusConfig(options: JanusConfigOptions): JanusConfigFiles {
  const nat: Record<string, JcfgValue> = {
    full_trickle: false,
    ice_lite: false,
    ice_tcp: false,
  };
  if (options.iceEnforceList) nat.ice_enforce_list = options.iceEnforceList;
  if (options.nat1To1) nat.nat_1_1_mapping = options.nat1To1;
  const media: Record<string, JcfgValue> = { ipv6: false };
  if (options.rtpPortRange) {
    const { min, max } = options.rtpPortRange;
    if (!(Number.isInteger(min) && Number.isInteger(max) && min > 0 && min <= max && max < 65536)) {
      throw new RangeError(`rtp port range ${min}-${max} is not a range of UDP ports`);
    }
    media.rtp_port_range = `${min}-${max}`;
  }
  return {
    'janus.jcfg': jcfg({
      general: {
        configs_folder: options.configsFolder,
        plugins_folder: options.pluginsFolder,
        transports_folder: options.transportsFolder,
        events_folder: options.emptyFolder,
        loggers_folder: options.emptyFolder,
        debug_level: options.debugLevel ?? 3,
        server_name: options.serverName,
        // the server keeps its session alive with keep-alives (janode sends one every 30 s)
        session_timeout: 60,
      },
      media,
      nat,
      events: { broadcast: false },
    }),
    'janus.transport.websockets.jcfg': jcfg({
      general: {
        json: 'plain',
        ws: true,
        ws_port: options.wsPort,
        ws_ip: options.wsHost,
        wss: false,
      },
      admin: { admin_ws: false, admin_wss: false },
    }),
    // rooms are made per call over the API, never from the file
    'janus.plugin.audiobridge.jcfg': jcfg({ general: {} }),
  };
}

type JcfgValue = string | number | boolean;

function jcfg(sections: Record<string, Record<string, JcfgValue>>): string {
  return Object.entries(sections)
    .map(([name, items]) => {
      const lines = Object.entries(items).map(([key, value]) => `\t${key} = ${jcfgValue(value)}`);
      return `${name}: {\n${lines.join('\n')}\n}\n`;
    })
    .join('\n');
}

function jcfgValue(value: JcfgValue): string {
  if (typeof value !== 'string') return String(value);
  if (/["\\\n]/.test(value))
    throw new RangeError(`a jcfg string cannot hold ${JSON.stringify(value)}`);
  return `"${value}"`;
}
