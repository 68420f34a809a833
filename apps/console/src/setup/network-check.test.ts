import { describe, expect, it } from 'vitest';
import { judgeRelayPath, judgeServerPath, LIMITS } from './network-check';

const good = { rttMs: 40, jitterMs: 3, lossPct: 0 };

describe('judgeRelayPath', () => {
  it('passes a good path and shows its figures', () => {
    const result = judgeRelayPath(good);
    expect(result.verdict).toBe('pass');
    expect(result.figures).toEqual(['Round trip: 40 ms', 'Packets lost: 0.0 %', 'Jitter: 3 ms']);
    expect(result.fix).toBeUndefined();
  });

  it('warns past 300 ms round trip or 3 % loss or 30 ms jitter, saying what the caller would notice', () => {
    expect(judgeRelayPath({ ...good, rttMs: LIMITS.rttWarnMs }).verdict).toBe('pass');
    const slow = judgeRelayPath({ ...good, rttMs: 301 });
    expect(slow.verdict).toBe('warn');
    expect(slow.summary).toBe(
      'Sound takes 301 ms there and back, so you and callers would talk over each other.',
    );
    expect(slow.fix).toMatch(/wired connection/);
    expect(judgeRelayPath({ ...good, lossPct: 3 }).verdict).toBe('pass');
    const lossy = judgeRelayPath({ ...good, lossPct: 3.5 });
    expect(lossy.verdict).toBe('warn');
    expect(lossy.summary).toBe(
      '3.5 % of the audio would be lost, so callers would hear you break up.',
    );
    expect(judgeRelayPath({ ...good, jitterMs: 31 }).verdict).toBe('warn');
  });

  it('fails past 700 ms or 10 % loss, listing every problem', () => {
    expect(judgeRelayPath({ ...good, rttMs: 701 }).verdict).toBe('fail');
    const bad = judgeRelayPath({ rttMs: 400, jitterMs: 5, lossPct: 12 });
    expect(bad.verdict).toBe('fail');
    expect(bad.summary).toMatch(/^12 % of the audio would be lost.*Sound takes 400 ms/);
  });
});

describe('judgeServerPath', () => {
  it('reports the median round trip and says loss cannot be measured without a relay', () => {
    const result = judgeServerPath({ asked: 5, rttsMs: [20, 90, 21, 19, 22] });
    expect(result.verdict).toBe('pass');
    expect(result.summary).toMatch(
      /^A round trip to Ringside's server takes 21 ms: fine for calls\./,
    );
    expect(result.summary).toMatch(/cannot measure lost packets/);
    expect(result.figures).toEqual([
      'Round trip: 21 ms',
      'Packets lost: not measurable without a relay server',
    ]);
  });

  it('warns when slow or when some tries went unanswered, and fails when none answered', () => {
    expect(judgeServerPath({ asked: 3, rttsMs: [350, 360, 340] }).verdict).toBe('warn');
    expect(judgeServerPath({ asked: 3, rttsMs: [800, 760, 900] }).verdict).toBe('fail');
    const partial = judgeServerPath({ asked: 8, rttsMs: [20, 20, 20, 20, 20, 20] });
    expect(partial.verdict).toBe('warn');
    expect(partial.summary).toMatch(/2 of 8 tries got no answer/);
    const none = judgeServerPath({ asked: 8, rttsMs: [] });
    expect(none).toMatchObject({
      verdict: 'fail',
      summary: "Ringside's server did not answer any of 8 tries.",
    });
  });
});
