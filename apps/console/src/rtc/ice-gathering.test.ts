import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitForIceGathering } from './ice-gathering';

class Gathering extends EventTarget {
  iceGatheringState: RTCIceGatheringState = 'gathering';
  complete(): void {
    this.iceGatheringState = 'complete';
    this.dispatchEvent(new Event('icegatheringstatechange'));
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('waitForIceGathering', () => {
  it('resolves at once when gathering is already complete', async () => {
    const pc = new Gathering();
    pc.iceGatheringState = 'complete';
    await expect(waitForIceGathering(pc, 1000)).resolves.toBe('complete');
  });

  it('resolves when gathering completes', async () => {
    const pc = new Gathering();
    const waiting = waitForIceGathering(pc, 1000);
    pc.complete();
    await expect(waiting).resolves.toBe('complete');
  });

  it('takes the end-of-candidates signal as complete', async () => {
    const pc = new Gathering();
    const waiting = waitForIceGathering(pc, 1000);
    pc.dispatchEvent(Object.assign(new Event('icecandidate'), { candidate: null }));
    await expect(waiting).resolves.toBe('complete');
  });

  it('gives up at the bound and stops listening', async () => {
    vi.useFakeTimers();
    const pc = new Gathering();
    const remove = vi.spyOn(pc, 'removeEventListener');
    const waiting = waitForIceGathering(pc, 1500);
    vi.advanceTimersByTime(1500);
    await expect(waiting).resolves.toBe('timed-out');
    expect(remove).toHaveBeenCalledTimes(2);
  });
});
