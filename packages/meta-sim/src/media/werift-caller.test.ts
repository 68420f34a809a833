import { validateMetaOffer, validateRemoteAnswer } from '@ringside/sdp';
import { afterEach, describe, expect, it } from 'vitest';
import { CallerMediaError, type CallerMediaErrorCode } from './caller-media-error';
import { UNREACHABLE_IPV6 } from './local-sdp';
import type { CallerMedia } from './media-endpoint';
import { createWeriftMediaFactory } from './werift-caller';

// werift only, no browser: what the caller's SDP says and what it refuses

const media = createWeriftMediaFactory();
const opened: CallerMedia[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((caller) => caller.close()));
});
async function keep(caller: Promise<CallerMedia>): Promise<CallerMedia> {
  const resolved = await caller;
  opened.push(resolved);
  return resolved;
}

/** a browser's offer as Chromium writes it (captured from Chromium 156), with the DTMF line optional */
function browserOffer(options: { dtmf: boolean }): string {
  return [
    'v=0',
    'o=- 4834440189806553478 2 IN IP4 127.0.0.1',
    's=-',
    't=0 0',
    'a=group:BUNDLE 0',
    'a=msid-semantic: WMS 67f84b93',
    `m=audio 40769 UDP/TLS/RTP/SAVPF 111${options.dtmf ? ' 126' : ''}`,
    'c=IN IP4 127.0.0.1',
    'a=rtcp:9 IN IP4 0.0.0.0',
    'a=candidate:3781897703 1 udp 2122194687 127.0.0.1 40769 typ host generation 0 network-id 1',
    'a=ice-ufrag:USSM',
    'a=ice-pwd:BpwkLoE5Di18dUk03DKWnuc9',
    'a=ice-options:trickle',
    'a=fingerprint:sha-256 BC:1A:88:33:29:4B:5C:AF:AA:33:DF:15:A6:38:65:66:AA:CF:24:B4:9C:F8:C4:9C:A4:DD:92:01:56:B5:78:AC',
    'a=setup:actpass',
    'a=mid:0',
    'a=sendrecv',
    'a=msid:67f84b93 e6d6e3fa',
    'a=rtcp-mux',
    'a=rtpmap:111 opus/48000/2',
    'a=fmtp:111 minptime=10;useinbandfec=1',
    ...(options.dtmf ? ['a=rtpmap:126 telephone-event/8000'] : []),
    'a=ssrc:3652769041 cname:rhshyZXx0SakvReK',
    '',
  ].join('\r\n');
}

async function rejection(promise: Promise<unknown>): Promise<CallerMediaErrorCode> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CallerMediaError);
    return (error as CallerMediaError).code;
  }
  throw new Error('expected a rejection');
}

describe('offer (WhatsApp user-initiated)', () => {
  it("is an ICE-lite actpass offer of opus/111 and telephone-event/126 that Ringside's Meta-offer check accepts", async () => {
    const caller = await keep(media.offer());
    const sdp = caller.localDescription;
    const lines = sdp.split('\r\n');

    expect(lines.indexOf('a=ice-lite')).toBeGreaterThan(0);
    expect(lines.indexOf('a=ice-lite')).toBeLessThan(lines.findIndex((l) => l.startsWith('m=')));
    expect(lines.filter((line) => line.startsWith('m='))).toEqual([
      expect.stringMatching(/^m=audio \d+ UDP\/TLS\/RTP\/SAVPF 111 126$/),
    ]);
    expect(lines).toContain('a=rtpmap:111 OPUS/48000/2');
    expect(lines).toContain('a=rtpmap:126 telephone-event/8000');
    expect(lines).toContain('a=setup:actpass');
    expect(lines).toContain('a=sendrecv');
    expect(lines).toContain('a=rtcp-mux');
    expect(sdp).not.toContain('trickle');

    const checked = validateMetaOffer(sdp);
    if (!checked.ok) throw new Error(checked.error.message);
    expect(checked.summary).toMatchObject({
      opusPayloadType: 111,
      dtmfPayloadType: 126,
      iceLite: true,
      setup: 'actpass',
      direction: 'sendrecv',
    });
  });

  it("is complete with Meta's host candidates: unreachable IPv6 first, then 127.0.0.1, UDP only", async () => {
    const caller = await keep(media.offer());
    const candidates = caller.localDescription
      .split('\r\n')
      .filter((line) => line.startsWith('a=candidate:'));
    expect(candidates).toHaveLength(2);
    expect(candidates[0]).toMatch(
      new RegExp(`^a=candidate:\\S+ 1 udp \\d+ ${UNREACHABLE_IPV6} \\d+ typ host`),
    );
    expect(candidates[1]).toMatch(/^a=candidate:\S+ 1 udp \d+ 127\.0\.0\.1 \d+ typ host/);
    expect(caller.localDescription).toContain('a=end-of-candidates');
  });

  it('leaves the IPv6 candidate out when told', async () => {
    const caller = await keep(media.offer({ ipv6Candidate: false }));
    expect(caller.localDescription).not.toContain(UNREACHABLE_IPV6);
  });

  it('reports nothing connected, sent or received before the business answers', async () => {
    const caller = await keep(media.offer());
    caller.startAudio();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(caller.stats()).toEqual({
      connected: false,
      packetsReceived: 0,
      bytesReceived: 0,
      firstPacketAt: null,
      lastPacketAt: null,
      audioLevel: 0,
      peakAudioLevel: 0,
      packetsSent: 0,
      lastRtcpAt: null,
      dtmf: '',
    });
  });

  it('refuses options it cannot honour, before opening anything', async () => {
    expect(await rejection(media.offer({ host: '::1' }))).toBe('invalid_options');
    expect(await rejection(media.offer({ host: 'localhost' }))).toBe('invalid_options');
    const source = 'music' as unknown as 'tone';
    expect(await rejection(media.offer({ source }))).toBe('invalid_options');
    expect(await rejection(media.offer({ echo: { delayMs: -5 } }))).toBe('invalid_options');
  });

  it('refuses an unusable answer, and a re-offer before the call is set up', async () => {
    const caller = await keep(media.offer());
    expect(await rejection(caller.setRemoteAnswer('garbage'))).toBe('invalid_sdp');
    expect(await rejection(caller.setRemoteAnswer(''))).toBe('invalid_sdp');
    expect(await rejection(caller.createReoffer())).toBe('wrong_state');
  });

  it('refuses everything but stats after close, and closes twice without error', async () => {
    const caller = await keep(media.offer());
    await caller.close();
    await caller.close();
    expect(await rejection(caller.setRemoteAnswer(browserOffer({ dtmf: true })))).toBe('closed');
    expect(await rejection(caller.createReoffer())).toBe('closed');
    expect(() => caller.startAudio()).not.toThrow();
    expect(caller.stats().connected).toBe(false);
  });
});

describe('answer (Messenger, WhatsApp business-initiated)', () => {
  it("answers the browser's offer with opus and telephone-event in its payload types, ICE-lite, on 127.0.0.1", async () => {
    const caller = await keep(media.answer(browserOffer({ dtmf: true })));
    const lines = caller.localDescription.split('\r\n');

    expect(lines).toContain('a=ice-lite');
    expect(lines.find((line) => line.startsWith('m=audio'))).toMatch(/ 111 126$/);
    expect(lines).toContain('a=rtpmap:126 telephone-event/8000');
    expect(lines).toContain('a=sendrecv');
    // Meta's answers say passive: its media server is the DTLS server
    expect(lines).toContain('a=setup:passive');
    const candidates = lines.filter((line) => line.startsWith('a=candidate:'));
    expect(candidates.length).toBeGreaterThan(0);
    for (const candidate of candidates) expect(candidate).toMatch(/ (127\.0\.0\.1|2001:db8:\S+) /);
    // WhatsApp: no TCP candidates (those are Messenger's)
    expect(candidates.some((candidate) => candidate.includes(' tcp '))).toBe(false);

    const checked = validateRemoteAnswer(caller.localDescription);
    if (!checked.ok) throw new Error(checked.error.message);
    expect(checked.summary).toMatchObject({
      opusPayloadType: 111,
      dtmfPayloadType: 126,
      iceLite: true,
      needsActpassFix: false,
    });
  });

  it("adds Messenger's TCP passive candidates on 3478 (IPv4, IPv6) after the UDP ones", async () => {
    const caller = await keep(media.answer(browserOffer({ dtmf: true }), { channel: 'messenger' }));
    const candidates = caller.localDescription
      .split('\r\n')
      .filter((line) => line.startsWith('a=candidate:'));
    expect(candidates.map((line) => line.split(' ').slice(2, 5).join(' '))).toEqual([
      expect.stringMatching(new RegExp(`^udp \\d+ ${UNREACHABLE_IPV6}$`)) as string,
      expect.stringMatching(/^udp \d+ 127\.0\.0\.1$/) as string,
      'tcp 1518280448 127.0.0.1',
      `tcp 1518283008 ${UNREACHABLE_IPV6}`,
    ]);
    // Meta's opus parameters, as in the Appendix's answer
    expect(caller.localDescription).toContain(
      'a=fmtp:111 maxaveragebitrate=20000;maxplaybackrate=16000;minptime=10;usedtx=1;useinbandfec=1\r\n',
    );
    expect(
      candidates.slice(2).every((line) => line.includes(' 3478 typ host tcptype passive')),
    ).toBe(true);
  });

  it("re-offers in Meta's two-section shape after answering, and refuses to from an offer", async () => {
    const caller = await keep(media.answer(browserOffer({ dtmf: true }), { channel: 'messenger' }));
    const reoffer = await caller.createReoffer();
    expect(reoffer).toContain('a=group:BUNDLE 0 1');
    expect(validateMetaOffer(reoffer)).toMatchObject({ ok: true, summary: { mid: '1' } });
    // a later one (mute, video) keeps the caller's source
    const ssrc = /a=ssrc:(\d+)/.exec(reoffer)?.[1];
    expect(await caller.createReoffer()).toContain(`a=ssrc:${ssrc} `);
    const offerer = await keep(media.offer());
    expect(await rejection(offerer.createReoffer())).toBe('wrong_state');
  });

  it('leaves telephone-event out when the offer has none', async () => {
    const caller = await keep(media.answer(browserOffer({ dtmf: false })));
    expect(caller.localDescription).not.toContain('telephone-event');
    expect(caller.localDescription).toMatch(/^a=rtpmap:111 opus\/48000\/2\r$/im);
  });

  it('refuses an offer it cannot answer, saying why', async () => {
    expect(await rejection(media.answer('hello'))).toBe('invalid_sdp');
    const video = browserOffer({ dtmf: true }).replace('m=audio', 'm=video');
    expect(await rejection(media.answer(video))).toBe('invalid_sdp');
    await expect(
      media.answer(browserOffer({ dtmf: true }).replace(/a=fingerprint:.*\r\n/, '')),
    ).rejects.toThrow(/no a=fingerprint/);
  });

  it('is not an offerer: it refuses a remote answer', async () => {
    const caller = await keep(media.answer(browserOffer({ dtmf: true })));
    expect(await rejection(caller.setRemoteAnswer(browserOffer({ dtmf: true })))).toBe(
      'wrong_state',
    );
  });
});
