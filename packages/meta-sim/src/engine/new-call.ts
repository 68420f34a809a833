import type { CallerMedia, CallerMediaOptions } from '../media/media-endpoint';
import type { Channel, Direction, SimCall } from './sim-call';

export interface NewCall {
  id: string;
  channel: Channel;
  direction: Direction;
  businessId: string;
  userId: string;
  userName: string;
  /** whatsapp `@username`, for a user known by BSUID */
  username?: string | null;
  createdAt: number;
  media: CallerMedia | null;
  mediaOptions: CallerMediaOptions;
  bizOpaqueCallbackData?: string | null;
  deeplinkPayload?: string;
  ctaPayload?: string;
}

/** a ringing call, before it is added to the store */
export function newCall(fields: NewCall): SimCall {
  return {
    ...fields,
    username: fields.username ?? null,
    bizOpaqueCallbackData: fields.bizOpaqueCallbackData ?? null,
    phase: { state: 'ringing' },
    history: ['ringing'],
    version: 0,
    pendingReoffer: null,
    capture: { recording: null, transcription: null },
  };
}
