import type { CallPermissionPayload } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { MAX_PERMISSION_NOTICES } from './permissions-slice';
import { createAppStore, resetAgentData } from './store';

const granted = (number: string, channelId = 'ch1'): CallPermissionPayload => ({
  channelId,
  channel: 'whatsapp',
  customer: { number },
  granted: true,
  expiresAt: '2026-01-08T10:00:00.000Z',
  permanent: false,
});

describe('permissions slice', () => {
  it('keeps a customer’s answer as a notice, newest first, with the expiry as epoch ms', () => {
    const store = createAppStore();
    store.getState().permissionReplied(granted('+447700900123'));
    store.getState().permissionReplied({
      channelId: 'ch2',
      channel: 'messenger',
      customer: { psid: '5275811702471834' },
      granted: false,
    });
    expect(store.getState().permissionNotices).toEqual([
      {
        id: 2,
        channelId: 'ch2',
        channel: 'messenger',
        customer: { psid: '5275811702471834' },
        granted: false,
      },
      {
        id: 1,
        channelId: 'ch1',
        channel: 'whatsapp',
        customer: { number: '+447700900123' },
        granted: true,
        expiresAt: Date.parse('2026-01-08T10:00:00.000Z'),
        permanent: false,
      },
    ]);
  });

  it('shows one notice per customer and line: a newer answer replaces the older', () => {
    const store = createAppStore();
    store.getState().permissionReplied(granted('+447700900123'));
    store.getState().permissionReplied(granted('+447700900123', 'ch3'));
    store.getState().permissionReplied({ ...granted('+447700900123'), granted: false });
    const notices = store.getState().permissionNotices;
    expect(notices.map((n) => [n.channelId, n.granted])).toEqual([
      ['ch1', false],
      ['ch3', true],
    ]);
  });

  it('does not pile up: past the latest few, the oldest goes', () => {
    const store = createAppStore();
    for (let i = 0; i < MAX_PERMISSION_NOTICES + 2; i += 1) {
      store.getState().permissionReplied(granted(`+4477009001${String(i).padStart(2, '0')}`));
    }
    const numbers = store.getState().permissionNotices.map((n) => n.customer.number);
    expect(numbers).toHaveLength(MAX_PERMISSION_NOTICES);
    expect(numbers[0]).toBe(`+4477009001${String(MAX_PERMISSION_NOTICES + 1).padStart(2, '0')}`);
    expect(numbers).not.toContain('+447700900100');
  });

  it('dismisses one notice by id, and ignores an id it no longer has', () => {
    const store = createAppStore();
    store.getState().permissionReplied(granted('+447700900123'));
    store.getState().permissionReplied(granted('+447700900124'));
    const [newest, older] = store.getState().permissionNotices;
    store.getState().permissionNoticeDismissed(newest?.id ?? -1);
    expect(store.getState().permissionNotices).toEqual([older]);
    const before = store.getState().permissionNotices;
    store.getState().permissionNoticeDismissed(999);
    expect(store.getState().permissionNotices).toBe(before);
  });

  it('forgets the notices on sign-out', () => {
    const store = createAppStore();
    store.getState().permissionReplied(granted('+447700900123'));
    resetAgentData(store);
    expect(store.getState().permissionNotices).toEqual([]);
    expect(store.getState().permissionNoticeSeq).toBe(0);
  });
});
