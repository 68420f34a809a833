import { describe, expect, it } from 'vitest';
import { judgeRelays, relayAddress, relayTransport, type RelayAttempt } from './relay-check';

const UDP = 'turn:relay.example.com:3478?transport=udp';
const TCP = 'turn:relay.example.com:3478?transport=tcp';
const TLS = 'turns:relay.example.com:443?transport=tcp';
const attempt = (
  url: string,
  reached: boolean,
  extra: Partial<RelayAttempt> = {},
): RelayAttempt => ({
  url,
  transport: relayTransport(url),
  reached,
  ...(reached ? { ms: 42 } : {}),
  ...extra,
});

describe('relayTransport and relayAddress', () => {
  it('reads how a TURN URL is reached (RFC 7065), UDP by default', () => {
    expect(relayTransport('turn:relay.example.com')).toBe('udp');
    expect(relayTransport(UDP)).toBe('udp');
    expect(relayTransport(TCP)).toBe('tcp');
    expect(relayTransport(TLS)).toBe('tls');
  });

  it('names what an IT team must allow', () => {
    expect(relayAddress(TCP)).toBe('relay.example.com port 3478 (TCP)');
    expect(relayAddress('turn:relay.example.com')).toBe('relay.example.com port 3478 (UDP)');
    expect(relayAddress('turns:relay.example.com')).toBe('relay.example.com port 5349 (TCP)');
    expect(relayAddress('turn:[2001:db8::1]:3478')).toBe('[2001:db8::1] port 3478 (UDP)');
  });
});

describe('judgeRelays', () => {
  it('with no relay set up, says the test covers direct paths only', () => {
    const result = judgeRelays([], 'all');
    expect(result.verdict).toBe('info');
    expect(result.summary).toMatch(/No relay \(TURN\) server is set up.*direct network paths only/);
  });

  it('passes when every transport answers, with how fast', () => {
    const result = judgeRelays([attempt(UDP, true), attempt(TCP, true), attempt(TLS, true)], 'all');
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe('The relay server answers over UDP, TCP and TLS.');
    expect(result.figures).toEqual([
      'UDP: answered in 42 ms',
      'TCP: answered in 42 ms',
      'TLS: answered in 42 ms',
    ]);
  });

  it('warns when some transports are blocked, naming what to allow', () => {
    const result = judgeRelays([attempt(UDP, false), attempt(TCP, true)], 'all');
    expect(result.verdict).toBe('warn');
    expect(result.summary).toBe(
      'The relay server answers over TCP but not over UDP. Calls still connect.',
    );
    expect(result.fix).toBe(
      'If audio drops on this network, ask your IT team to allow relay.example.com port 3478 (UDP).',
    );
  });

  it('fails when none answers, more strongly when every call must go through the relay', () => {
    const all = judgeRelays([attempt(UDP, false), attempt(TLS, false)], 'all');
    expect(all.verdict).toBe('fail');
    expect(all.summary).toMatch(/on networks that block direct paths, calls would have no audio/);
    expect(all.fix).toBe(
      'Ask your IT team to allow relay.example.com port 3478 (UDP) and relay.example.com port 443 (TCP).',
    );
    const relay = judgeRelays([attempt(UDP, false)], 'relay');
    expect(relay.summary).toMatch(/sends every call through it: calls would have no audio/);
  });

  it('tells a refused sign-in (401) from a blocked network', () => {
    const result = judgeRelays(
      [attempt(UDP, false, { error: { code: 401, text: 'Unauthorized' } })],
      'all',
    );
    expect(result.fix).toMatch(/refused our sign-in/);
    expect(result.fix).not.toMatch(/IT team/);
  });
});
