import type { Channel, Direction, CallState, EndReason } from './sim-call';

/**
 * What the simulator reports while it runs (the CLI prints these as JSON lines). Never carries a
 * token or the app secret.
 */
export type SimEvent =
  | {
      type: 'call.state';
      callId: string;
      channel: Channel;
      direction: Direction;
      state: CallState;
      reason?: EndReason;
    }
  | {
      type: 'graph.request';
      method: string;
      path: string;
      status: number;
      action?: string;
      callId?: string;
      errorCode?: number;
    }
  | {
      type: 'webhook.attempt';
      deliveryId: string;
      attempt: number;
      status: number | null;
      error: string | null;
      events: string[];
    }
  | {
      type: 'permission';
      channel: Channel;
      businessId: string;
      userId: string;
      status: string;
    }
  | { type: 'warning'; message: string };
