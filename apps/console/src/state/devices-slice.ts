import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store';
import type { DeviceOption, MicState } from './types';

/** microphones, speakers and whether the microphone can be used */
export interface DevicesSlice {
  mic: MicState;
  /** how to fix a microphone problem, in words */
  micMessage: string | null;
  inputs: DeviceOption[];
  outputs: DeviceOption[];
  /** the chosen microphone; '' is the browser's default */
  inputId: string;
  /** the chosen speaker; '' is the browser's default */
  outputId: string;
  /** the browser can route audio to a chosen speaker (`setSinkId`) */
  canChooseSpeaker: boolean;
  micChanged(mic: MicState, message?: string | null): void;
  devicesListed(inputs: DeviceOption[], outputs: DeviceOption[]): void;
  inputChosen(id: string): void;
  outputChosen(id: string): void;
  setCanChooseSpeaker(can: boolean): void;
}

export const initialDevices = {
  mic: 'idle',
  micMessage: null,
  inputs: [],
  outputs: [],
  inputId: '',
  outputId: '',
  canChooseSpeaker: false,
} satisfies Partial<DevicesSlice>;

export const createDevicesSlice: StateCreator<AppState, [], [], DevicesSlice> = (set) => ({
  ...initialDevices,
  micChanged: (mic, message = null) => set({ mic, micMessage: mic === 'ready' ? null : message }),
  devicesListed: (inputs, outputs) =>
    set((state) => ({
      inputs,
      outputs,
      // a chosen device that was unplugged falls back to the default
      inputId: inputs.some((d) => d.id === state.inputId) ? state.inputId : '',
      outputId: outputs.some((d) => d.id === state.outputId) ? state.outputId : '',
    })),
  inputChosen: (inputId) => set({ inputId }),
  outputChosen: (outputId) => set({ outputId }),
  setCanChooseSpeaker: (canChooseSpeaker) => set({ canChooseSpeaker }),
});
