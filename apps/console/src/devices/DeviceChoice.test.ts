import { describe, expect, it } from 'vitest';
import type { Outcome, SessionMicrophone } from '../rtc/LocalAudio';
import { createAppStore } from '../state/store';
import { DeviceChoice, type Microphones } from './DeviceChoice';

function fakeMic(id: string) {
  let stopped = false;
  const track = {
    stop: () => {
      stopped = true;
    },
  } as MediaStreamTrack;
  return { mic: { track, id } as unknown as SessionMicrophone, stopped: () => stopped };
}

function harness(
  options: {
    choose?: Outcome;
    acquire?: Outcome;
    speakerWorks?: boolean;
    inCall?: Outcome | 'no call';
    mic?: ReturnType<typeof fakeMic> | null;
  } = {},
) {
  const store = createAppStore();
  const switchedTo: SessionMicrophone[] = [];
  const mic = options.mic === undefined ? fakeMic('m2') : options.mic;
  const microphones: Microphones = {
    inputId: 'usb-mic',
    acquire: async () => options.acquire ?? { ok: true },
    chooseInput: async () => options.choose ?? { ok: true },
    microphoneForCall: () => mic?.mic ?? null,
  };
  const inCall = options.inCall ?? { ok: true };
  const call =
    inCall === 'no call'
      ? undefined
      : {
          replaceMicrophone: async (next: SessionMicrophone): Promise<Outcome> => {
            switchedTo.push(next);
            return inCall;
          },
        };
  const choice = new DeviceChoice({
    store,
    microphones,
    speaker: { setSpeaker: async () => options.speakerWorks ?? true },
    currentCall: () => call,
  });
  return { store, choice, switchedTo, mic };
}

describe('DeviceChoice', () => {
  it('records the microphone and speaker the agent chose', async () => {
    const { store, choice } = harness();
    await choice.chooseInput('usb-mic');
    await choice.chooseOutput('headset');
    expect(store.getState()).toMatchObject({ inputId: 'usb-mic', outputId: 'headset' });
    expect(store.getState().problem).toBeNull();
  });

  it('tells the agent when a microphone or speaker cannot be used, keeping the old choice', async () => {
    const { store, choice } = harness({
      choose: { ok: false, message: 'That microphone is in use by another app.' },
      speakerWorks: false,
    });
    await choice.chooseInput('usb-mic');
    expect(store.getState().problem?.message).toBe('That microphone is in use by another app.');
    await choice.chooseOutput('headset');
    expect(store.getState().problem?.message).toBe('That speaker could not be used.');
    expect(store.getState()).toMatchObject({ inputId: '', outputId: '' });
  });

  it('moves the call in progress to a new microphone, and says so when it cannot', async () => {
    const moved = harness();
    await moved.choice.microphoneChanged();
    expect(moved.switchedTo).toEqual([moved.mic?.mic]);
    expect(moved.store.getState().inputId).toBe('usb-mic');

    const refused = harness({
      inCall: { ok: false, message: 'The call kept the old microphone.' },
    });
    await refused.choice.microphoneChanged();
    expect(refused.store.getState().problem?.message).toBe('The call kept the old microphone.');
  });

  it('closes the spare microphone clone when no call needs it', async () => {
    const { choice, switchedTo, mic } = harness({ inCall: 'no call' });
    await choice.microphoneChanged();
    expect(switchedTo).toEqual([]);
    expect(mic?.stopped()).toBe(true);
  });

  it('gives a new call the microphone, or words for why it has none', async () => {
    expect(await harness().choice.microphoneForCall()).toMatchObject({ id: 'm2' });
    expect(
      await harness({
        acquire: { ok: false, message: 'Allow the microphone.' },
      }).choice.microphoneForCall(),
    ).toEqual({ error: 'Allow the microphone.' });
    expect(await harness({ mic: null }).choice.microphoneForCall()).toEqual({
      error: 'The microphone is not available. Choose Available again to reopen it.',
    });
  });
});
