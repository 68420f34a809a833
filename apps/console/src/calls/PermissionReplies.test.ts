import type { CallPermissionPayload } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { fakeSignaling } from '../signaling/testing/fake-signaling';
import { createAppStore } from '../state/store';
import { PermissionReplies } from './PermissionReplies';

const REPLY: CallPermissionPayload = {
  channelId: 'ch1',
  channel: 'whatsapp',
  customer: { number: '+447700900123' },
  granted: true,
};

describe('PermissionReplies', () => {
  it('turns each call:permission into a notice while started, and stops listening when stopped', () => {
    const store = createAppStore();
    const signaling = fakeSignaling();
    const replies = new PermissionReplies({ store, signaling: signaling.client });
    signaling.emit('call:permission', REPLY);
    expect(store.getState().permissionNotices).toEqual([]);

    replies.start();
    replies.start(); // once: a second start does not double the notices
    signaling.emit('call:permission', REPLY);
    expect(store.getState().permissionNotices).toMatchObject([
      { channelId: 'ch1', customer: { number: '+447700900123' }, granted: true },
    ]);
    expect(store.getState().permissionNoticeSeq).toBe(1);

    replies.stop();
    signaling.emit('call:permission', { ...REPLY, customer: { number: '+447700900124' } });
    expect(store.getState().permissionNotices).toHaveLength(1);
  });
});
