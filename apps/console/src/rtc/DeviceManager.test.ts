import { describe, expect, it, vi } from 'vitest';
import type { MicState } from '../state/types';
import { DeviceManager } from './DeviceManager';
import { FakeStream, FakeTrack } from './testing/fakes';

class FakeMediaDevices extends EventTarget {
  requests: MediaStreamConstraints[] = [];
  failWith: string | undefined;
  tracks: FakeTrack[] = [];
  devices: Partial<MediaDeviceInfo>[] = [
    { kind: 'audioinput', deviceId: 'default', label: 'Default' },
    { kind: 'audioinput', deviceId: 'mic-a', label: 'Headset' },
    { kind: 'audiooutput', deviceId: 'spk-a', label: '' },
  ];
  async getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream> {
    this.requests.push(constraints);
    if (this.failWith) throw new DOMException('no', this.failWith);
    const track = new FakeTrack();
    this.tracks.push(track);
    return new FakeStream([track]) as unknown as MediaStream;
  }
  async enumerateDevices(): Promise<MediaDeviceInfo[]> {
    return this.devices as MediaDeviceInfo[];
  }
}

function setup() {
  const media = new FakeMediaDevices();
  const states: [MicState, string | undefined][] = [];
  const lists: unknown[] = [];
  const lost = vi.fn();
  const changed = vi.fn();
  const devices = new DeviceManager({
    mediaDevices: media as unknown as MediaDevices,
    onMicState: (state, message) => states.push([state, message]),
    onDevices: (inputs, outputs) => lists.push({ inputs, outputs }),
    onMicrophoneLost: lost,
    onMicrophoneChanged: changed,
    createStream: (tracks) =>
      new FakeStream(tracks as unknown as FakeTrack[]) as unknown as MediaStream,
  });
  return { media, devices, states, lists, lost, changed };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('DeviceManager', () => {
  it('opens the microphone once and keeps it warm', async () => {
    const { media, devices, states } = setup();
    expect((await devices.acquire()).ok).toBe(true);
    expect((await devices.acquire()).ok).toBe(true);
    expect(media.requests).toHaveLength(1);
    expect(states.map(([s]) => s)).toEqual(['requesting', 'ready']);
  });

  it('asks for voice processing', async () => {
    const { media, devices } = setup();
    await devices.acquire();
    expect(media.requests[0]?.audio).toMatchObject({
      echoCancellation: true,
      noiseSuppression: true,
    });
  });

  it('gives each call its own clone of the warm track', async () => {
    const { media, devices } = setup();
    await devices.acquire();
    const mic = devices.microphoneForCall();
    expect(mic?.track).not.toBe(media.tracks[0]);
    expect(mic?.stream.getAudioTracks()).toEqual([mic?.track]);
  });

  it('reports a blocked microphone with how to fix it, and has nothing to give a call', async () => {
    const { media, devices, states } = setup();
    media.failWith = 'NotAllowedError';
    const result = await devices.acquire();
    expect(result.ok).toBe(false);
    expect(states.at(-1)?.[0]).toBe('denied');
    expect(devices.microphoneForCall()).toBeNull();
  });

  it('says plainly when the page has no media devices at all', async () => {
    const devices = new DeviceManager({
      mediaDevices: undefined,
      onMicState: vi.fn(),
      onDevices: vi.fn(),
    });
    const result = await devices.acquire();
    expect(result).toMatchObject({ ok: false });
  });

  it('lists devices without the default alias, naming unlabelled ones', async () => {
    const { devices, lists } = setup();
    await devices.acquire();
    await settle();
    expect(lists.at(-1)).toEqual({
      inputs: [{ id: 'mic-a', label: 'Headset' }],
      outputs: [{ id: 'spk-a', label: 'Speaker 1' }],
    });
  });

  it('switches microphone, closing the old one only when the new one works', async () => {
    const { media, devices, changed } = setup();
    await devices.acquire();
    const first = media.tracks[0];
    expect((await devices.chooseInput('mic-a')).ok).toBe(true);
    expect(media.requests[1]?.audio).toMatchObject({ deviceId: { exact: 'mic-a' } });
    expect(first?.readyState).toBe('ended');
    expect(changed).toHaveBeenCalledOnce();
    expect(devices.inputId).toBe('mic-a');

    media.failWith = 'NotReadableError';
    expect((await devices.chooseInput('mic-b')).ok).toBe(false);
    expect(devices.inputId).toBe('mic-a');
    expect(devices.ready).toBe(true);
  });

  it('falls back to the default microphone when the one in use is unplugged', async () => {
    const { media, devices, changed, lost } = setup();
    await devices.chooseInput('mic-a');
    media.tracks[0]?.unplug();
    await settle();
    expect(media.requests.at(-1)?.audio).not.toHaveProperty('deviceId');
    expect(changed).toHaveBeenCalled();
    expect(lost).not.toHaveBeenCalled();
    expect(devices.inputId).toBe('');
  });

  it('reports the microphone lost when no other can be opened', async () => {
    const { media, devices, lost, states } = setup();
    await devices.acquire();
    media.failWith = 'NotFoundError';
    media.tracks[0]?.unplug();
    await settle();
    expect(lost).toHaveBeenCalledOnce();
    expect(states.at(-1)?.[0]).toBe('missing');
    expect(devices.ready).toBe(false);
  });
});
