// the parts of janode 1.8 that the anchor uses (janode ships JavaScript without types)
declare module 'janode' {
  import type { EventEmitter } from 'node:events';

  export interface JanodeServerConfig {
    address: { url: string; apisecret?: string } | { url: string; apisecret?: string }[];
    retry_time_secs?: number;
    max_retries?: number;
    is_admin?: boolean;
  }

  export interface Jsep {
    type: 'offer' | 'answer';
    sdp: string;
  }

  /** a message from Janus as janode hands it to a handle */
  export interface JanusMessage {
    janus: string;
    transaction?: string;
    plugindata?: { plugin: string; data: Record<string, unknown> };
    jsep?: Jsep;
  }

  export interface JanodeHandle extends EventEmitter {
    readonly id: number;
    detach(): Promise<void>;
    hangup(): Promise<void>;
    /** sends a plugin request; resolves with Janus's reply once a handler closes it */
    message(body: Record<string, unknown>, jsep?: Jsep): Promise<unknown>;
  }

  export interface JanodeSession extends EventEmitter {
    readonly id: number;
    attach<H extends JanodeHandle>(plugin: { id: string; Handle: unknown }): Promise<H>;
    destroy(): Promise<void>;
  }

  export interface JanodeConnection extends EventEmitter {
    create(keepAliveSeconds?: number): Promise<JanodeSession>;
    getInfo(): Promise<{ name?: string; 'server-name'?: string; version_string?: string }>;
    close(): Promise<void>;
  }

  const Janode: {
    connect(config: JanodeServerConfig): Promise<JanodeConnection>;
    Logger: { setLevel(level: 'debug' | 'verb' | 'info' | 'warn' | 'error' | 'none'): string };
    EVENT: {
      CONNECTION_CLOSED: 'connection_closed';
      CONNECTION_ERROR: 'connection_error';
      SESSION_DESTROYED: 'session_destroyed';
      HANDLE_DETACHED: 'handle_detached';
      HANDLE_HANGUP: 'handle_hangup';
      HANDLE_WEBRTCUP: 'handle_webrtcup';
      HANDLE_MEDIA: 'handle_media';
    };
  };
  export default Janode;
}

declare module 'janode/plugins/audiobridge' {
  import type { JanodeHandle, JanusMessage, Jsep } from 'janode';

  export interface AudioBridgeJoined {
    room: number;
    feed: number;
    participants: unknown[];
    jsep?: Jsep;
  }

  export interface AudioBridgeConfigured {
    room: number;
    feed: number;
    jsep?: Jsep;
  }

  export interface AudioBridgeHandle extends JanodeHandle {
    create(params: {
      room: number;
      description?: string;
      sampling_rate?: number;
      prebuffer?: number;
      record?: boolean;
      filename?: string;
      rec_dir?: string;
      talking_events?: boolean;
    }): Promise<{ room: number }>;
    destroy(params: { room: number }): Promise<{ room: number }>;
    list(): Promise<{ list: { room: number; description?: string; num_participants?: number }[] }>;
    join(params: {
      room: number;
      feed?: number;
      display?: string;
      muted?: boolean;
      generate_offer?: boolean;
    }): Promise<AudioBridgeJoined>;
    configure(params: {
      muted?: boolean;
      prebuffer?: number;
      jsep?: Jsep;
    }): Promise<AudioBridgeConfigured>;
    leave(): Promise<unknown>;
    mute(params: { room: number; feed: number }): Promise<unknown>;
    unmute(params: { room: number; feed: number }): Promise<unknown>;
    playFile(params: {
      room: number;
      file_id?: string;
      filename: string;
      loop?: boolean;
    }): Promise<{ room: number; file_id: string }>;
    stopFile(params: { room: number; file_id: string }): Promise<unknown>;
    enableRecording(params: {
      room: number;
      record: boolean;
      filename?: string;
      rec_dir?: string;
    }): Promise<unknown>;
  }

  /** janode's handle class, for subclasses that understand more of the plugin's replies */
  export class AudioBridgeHandleBase {
    constructor(...args: unknown[]);
    handleMessage(message: JanusMessage): unknown;
    ownsTransaction(id: string): boolean;
    closeTransactionWithSuccess(id: string, data: unknown): void;
  }

  const AudioBridgePlugin: {
    id: 'janus.plugin.audiobridge';
    Handle: typeof AudioBridgeHandleBase;
    EVENT: {
      AUDIOBRIDGE_DESTROYED: 'audiobridge_destroyed';
      AUDIOBRIDGE_KICKED: 'audiobridge_kicked';
    };
  };
  export default AudioBridgePlugin;
}
