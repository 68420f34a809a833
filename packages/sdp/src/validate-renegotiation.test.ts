import { describe, expect, it } from 'vitest';
import { CHROMIUM_ANSWER, MIC_STREAM_ID, MIC_TRACK_ID } from './testing/chromium-sdp';
import { messengerAcceptReplySdp } from './testing/meta-fixtures';
import { joinSdp, sdpLines } from './testing/sdp-lines';
import { validateLocalAnswer } from './validate-local-answer';
import { validateMetaOffer } from './validate-meta-offer';
import { validateRemoteAnswer } from './validate-remote-answer';

const response = messengerAcceptReplySdp('sdp_response');
const renegotiation = messengerAcceptReplySdp('sdp_renegotiation');

/** where the m-section with `a=mid:<mid>` starts and ends in `lines` */
function sectionRange(lines: string[], mid: string): [number, number] {
  const starts = lines.flatMap((line, index) => (line.startsWith('m=') ? [index] : []));
  for (const [n, start] of starts.entries()) {
    const end = starts[n + 1] ?? lines.length;
    if (lines.slice(start, end).includes(`a=mid:${mid}`)) return [start, end];
  }
  throw new Error(`no mid ${mid}`);
}

/** the lines of the m-section with `a=mid:<mid>` */
function section(sdp: string, mid: string): string[] {
  const lines = sdpLines(sdp);
  return lines.slice(...sectionRange(lines, mid));
}

/** `sdp` with `change` applied to the lines of one m-section */
function editSection(sdp: string, mid: string, change: (line: string) => string): string {
  const lines = sdpLines(sdp);
  const [start, end] = sectionRange(lines, mid);
  return joinSdp(lines.map((line, index) => (index >= start && index < end ? change(line) : line)));
}

function withSectionDirection(sdp: string, mid: string, direction: string): string {
  return editSection(sdp, mid, (line) =>
    /^a=(sendrecv|sendonly|recvonly|inactive)$/.test(line) ? `a=${direction}` : line,
  );
}

describe("Meta's Messenger accept reply (Appendix)", () => {
  it('accepts sdp_response, counting UDP IPv4/IPv6 and TCP passive candidates', () => {
    const result = validateRemoteAnswer(response);
    expect(result).toMatchObject({
      ok: true,
      summary: { setup: 'passive', iceLite: true, direction: 'sendrecv', mid: '0' },
    });
    expect(result.ok && result.summary.candidateCount).toBe(4);
  });

  it('accepts the two-section renegotiation and names mid 1 as where the customer is heard', () => {
    const result = validateMetaOffer(renegotiation);
    expect(result).toMatchObject({
      ok: true,
      summary: {
        setup: 'passive',
        opusPayloadType: 111,
        mid: '1',
        direction: 'sendonly',
        sections: [
          { mid: '0', kind: 'audio', direction: 'recvonly', declined: false },
          { mid: '1', kind: 'audio', direction: 'sendonly', declined: false },
        ],
      },
    });
  });

  it('refuses a renegotiation in which no section sends towards us, naming each one', () => {
    const silent = withSectionDirection(renegotiation, '1', 'inactive');
    const result = validateMetaOffer(silent);
    expect(result).toMatchObject({ ok: false, error: { code: 'nothing-sent' } });
    expect(!result.ok && result.error.message).toContain('mid 0 recvonly, mid 1 inactive');
    // Meta's side checking a business's offer accepts any direction
    expect(validateMetaOffer(silent, { anyDirection: true }).ok).toBe(true);
  });

  it('refuses a renegotiation whose customer section lacks opus', () => {
    const noOpus = editSection(renegotiation, '1', (line) =>
      line.startsWith('a=rtpmap:111') ? 'a=rtpmap:111 PCMU/8000' : line,
    );
    expect(validateMetaOffer(noOpus)).toMatchObject({
      ok: false,
      error: { code: 'no-opus', message: expect.stringContaining('mid 1') as string },
    });
  });

  it('refuses a renegotiation without a fingerprint', () => {
    const lines = sdpLines(renegotiation).filter((line) => !line.startsWith('a=fingerprint:'));
    expect(validateMetaOffer(joinSdp(lines))).toMatchObject({
      ok: false,
      error: { code: 'missing-fingerprint' },
    });
  });

  it('reads mid 1 even when mid 0 is declined', () => {
    const declined = editSection(renegotiation, '0', (line) =>
      line.startsWith('m=audio') ? line.replace('40007', '0') : line,
    );
    // BUNDLE still tags mid 0's transport in the text; the tagged section is the transport
    const result = validateMetaOffer(declined);
    expect(result.ok && result.summary.mid).toBe('1');
  });

  it('accepts a four-section offer with video, the audio read from mid 1', () => {
    const videoOf = (mid: string, newMid: string) =>
      section(renegotiation, mid).map((line) =>
        line
          .replace(/^m=audio (\d+) (\S+) 111$/, 'm=video $1 $2 96')
          .replace(`a=mid:${mid}`, `a=mid:${newMid}`)
          .replace(/^a=rtpmap:111 .*/, 'a=rtpmap:96 VP8/90000')
          .replace(/^a=fmtp:111 .*/, 'a=rtcp-fb:96 nack'),
      );
    const lines = [...sdpLines(renegotiation), ...videoOf('0', '2'), ...videoOf('1', '3')].map(
      (line) => (line === 'a=group:BUNDLE 0 1' ? 'a=group:BUNDLE 0 1 2 3' : line),
    );
    const result = validateMetaOffer(joinSdp(lines));
    expect(result).toMatchObject({ ok: true, summary: { mid: '1' } });
    expect(result.ok && result.summary.sections.map((s) => `${s.kind}:${s.mid}`)).toEqual([
      'audio:0',
      'audio:1',
      'video:2',
      'video:3',
    ]);
  });
});

describe('our answer to the renegotiation', () => {
  // Chromium's answer shape: mid 0 sends the microphone, mid 1 receives the customer
  const receiveSection = section(CHROMIUM_ANSWER, 'audio')
    .filter((line) => !line.startsWith('a=ssrc:') && !line.startsWith('a=msid:'))
    .filter((line) => !line.startsWith('a=candidate:'))
    .map((line) =>
      line === 'a=sendrecv' ? 'a=recvonly' : line === 'a=mid:audio' ? 'a=mid:1' : line,
    );
  const answer = joinSdp([
    ...sdpLines(CHROMIUM_ANSWER)
      .map((line) => (line === 'a=group:BUNDLE audio' ? 'a=group:BUNDLE 0 1' : line))
      .map((line) => (line === 'a=mid:audio' ? 'a=mid:0' : line))
      .map((line) => (line === 'a=sendrecv' ? 'a=sendonly' : line)),
    ...receiveSection,
  ]);

  it('is accepted, with the microphone found on mid 0', () => {
    const result = validateLocalAnswer(answer, {
      expectTrack: { msid: MIC_STREAM_ID, trackId: MIC_TRACK_ID },
    });
    expect(result).toMatchObject({
      ok: true,
      summary: { mid: '0', direction: 'sendonly', track: { trackId: MIC_TRACK_ID } },
    });
  });

  it('is refused when it sends the microphone on no section', () => {
    const silent = joinSdp(sdpLines(answer).map((l) => (l === 'a=sendonly' ? 'a=inactive' : l)));
    expect(validateLocalAnswer(silent)).toMatchObject({
      ok: false,
      error: { code: 'missing-track' },
    });
  });

  it('is refused when it accepts a video section instead of declining it', () => {
    const video = [
      'm=video 9 UDP/TLS/RTP/SAVPF 96',
      'a=mid:2',
      'a=recvonly',
      'a=rtpmap:96 VP8/90000',
    ];
    expect(validateLocalAnswer(joinSdp([...sdpLines(answer), ...video]))).toMatchObject({
      ok: false,
      error: { code: 'video-accepted' },
    });
    const declined = ['m=video 0 UDP/TLS/RTP/SAVPF 96', 'a=mid:2', 'a=inactive'];
    expect(validateLocalAnswer(joinSdp([...sdpLines(answer), ...declined])).ok).toBe(true);
  });
});
