import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from './env';

const key = Buffer.alloc(32, 7).toString('base64');

describe('loadEnv', () => {
  it('defaults to the embedded database and the simulator when no Meta credentials are set', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      DATA_DIR: './data',
      SIMULATOR: 'on',
      PUBLIC_ORIGIN: ['http://localhost:3000'],
      GRAPH_API_BASE_URL: 'https://graph.facebook.com',
      LOG_LEVEL: 'info',
      OUTGOING_WEBHOOKS_PRIVATE: 'allow',
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('turns the simulator off when Meta credentials are given, and keeps webhooks off private networks', () => {
    const env = loadEnv({ META_APP_SECRET: 's3cret', META_VERIFY_TOKEN: 'verify' });
    expect(env.SIMULATOR).toBe('off');
    expect(env.OUTGOING_WEBHOOKS_PRIVATE).toBe('refuse');
    const lifted = loadEnv({
      META_APP_SECRET: 's3cret',
      META_VERIFY_TOKEN: 'verify',
      OUTGOING_WEBHOOKS_PRIVATE: 'allow',
    });
    expect(lifted.OUTGOING_WEBHOOKS_PRIVATE).toBe('allow');
  });

  it('names the missing variable and never echoes a value', () => {
    const attempt = () => loadEnv({ SIMULATOR: 'off', DATABASE_URL: 'postgres://u:hunter2@db/x' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toContain('META_APP_SECRET is required unless the simulator is on');
      expect(message).toContain('META_VERIFY_TOKEN');
      expect(message).toContain('SECRETS_KEY is required with DATABASE_URL');
      expect(message).not.toContain('hunter2');
    }
  });

  it('refuses a secrets key of the wrong size, a bad port and a bad origin', () => {
    expect(() => loadEnv({ SECRETS_KEY: 'c2hvcnQ=' })).toThrow(/SECRETS_KEY must be 32 bytes/);
    expect(() => loadEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadEnv({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be at least 16/);
    expect(loadEnv({ METRICS_TOKEN: 'a-long-enough-metrics-token' }).METRICS_TOKEN).toBe(
      'a-long-enough-metrics-token',
    );
    expect(() => loadEnv({ PUBLIC_ORIGIN: 'localhost:3000' })).toThrow(/PUBLIC_ORIGIN/);
  });

  it('reads a list of origins and a PostgreSQL URL with its key', () => {
    const env = loadEnv({
      PUBLIC_ORIGIN: 'https://a.example.com, https://b.example.com',
      DATABASE_URL: 'postgres://localhost/ringside',
      SECRETS_KEY: key,
    });
    expect(env.PUBLIC_ORIGIN).toEqual(['https://a.example.com', 'https://b.example.com']);
    expect(env.DATABASE_URL).toBe('postgres://localhost/ringside');
  });

  it('reads STUN and TURN servers and their policy, refusing what would leave a console with no path', () => {
    const env = loadEnv({
      STUN_URLS: 'stun:stun.example.com:3478',
      TURN_URLS: 'turn:turn.example.com:3478?transport=udp, turns:turn.example.com:5349',
      TURN_SECRET: 'a-turn-shared-secret',
      ICE_TRANSPORT_POLICY: 'relay',
    });
    expect(env).toMatchObject({
      STUN_URLS: ['stun:stun.example.com:3478'],
      TURN_URLS: ['turn:turn.example.com:3478?transport=udp', 'turns:turn.example.com:5349'],
      ICE_TRANSPORT_POLICY: 'relay',
    });
    expect(loadEnv({})).toMatchObject({
      STUN_URLS: [],
      TURN_URLS: [],
      ICE_TRANSPORT_POLICY: 'all',
    });

    const problems = (source: Record<string, string>) => {
      try {
        loadEnv(source);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ TURN_URLS: 'turn:turn.example.com' })).toEqual([
      'TURN_SECRET is required with TURN_URLS',
    ]);
    expect(problems({ ICE_TRANSPORT_POLICY: 'relay' })).toEqual([
      'ICE_TRANSPORT_POLICY relay needs TURN_URLS (a relay-only browser has no other path)',
    ]);
    expect(problems({ STUN_URLS: 'turn:wrong.example.com' })[0]).toMatch(/^STUN_URLS /);
    const short = problems({ TURN_URLS: 'turn:t.example.com', TURN_SECRET: 'tiny-secret' });
    expect(short).toEqual(['TURN_SECRET must be at least 16 characters']);
    expect(short.join()).not.toContain('tiny-secret');
  });

  it('reads the media engines of anchored channels by name, refusing a malformed or doubled one', () => {
    expect(loadEnv({}).ANCHOR_ENGINES).toEqual([]);
    expect(
      loadEnv({
        ANCHOR_ENGINES: 'janus-a=ws://10.0.0.5:8188, janus-b=wss://media.example.com/janus',
      }).ANCHOR_ENGINES,
    ).toEqual([
      { name: 'janus-a', url: 'ws://10.0.0.5:8188' },
      { name: 'janus-b', url: 'wss://media.example.com/janus' },
    ]);
    const problems = (value: string) => {
      try {
        loadEnv({ ANCHOR_ENGINES: value });
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems('janus-a=ws://10.0.0.5:8188,http://10.0.0.6:8188')).toEqual([
      'ANCHOR_ENGINES entry 2 is not an engine like janus-a=ws://10.0.0.5:8188',
    ]);
    expect(problems('a=ws://10.0.0.5:8188,a=ws://10.0.0.6:8188')).toEqual([
      'ANCHOR_ENGINES names the engine "a" twice',
    ]);
    expect(() =>
      loadEnv({ ANCHOR_ENGINES: 'a=ws://10.0.0.5:8188', REDIS_URL: 'redis://cache:6379' }),
    ).toThrow(/ANCHOR_ENGINES cannot be used with REDIS_URL yet/);
  });
});
