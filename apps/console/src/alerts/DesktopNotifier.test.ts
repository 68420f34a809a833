import { afterEach, describe, expect, it, vi } from 'vitest';
import { DesktopNotifier } from './DesktopNotifier';

class FakeNotification {
  static permission: NotificationPermission = 'granted';
  static requested = 0;
  static shown: FakeNotification[] = [];
  static requestPermission = vi.fn(() => {
    FakeNotification.requested += 1;
    return Promise.resolve(FakeNotification.permission);
  });
  onclick: (() => void) | null = null;
  closed = false;
  constructor(
    readonly title: string,
    readonly options: NotificationOptions,
  ) {
    FakeNotification.shown.push(this);
  }
  close(): void {
    this.closed = true;
  }
}

function setup(permission: NotificationPermission) {
  FakeNotification.permission = permission;
  FakeNotification.requested = 0;
  FakeNotification.shown = [];
  vi.stubGlobal('Notification', FakeNotification);
  const win = { focus: vi.fn() };
  return { win, notifier: new DesktopNotifier(win as unknown as Window) };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('DesktopNotifier', () => {
  it('names the caller, and a click brings the tab forward and closes it', () => {
    const { win, notifier } = setup('granted');
    notifier.show('c1', 'Rahul is calling', 'WhatsApp · +91 80975 30000');
    expect(FakeNotification.shown).toHaveLength(1);
    const shown = FakeNotification.shown[0];
    expect(shown?.title).toBe('Rahul is calling');
    expect(shown?.options).toMatchObject({ body: 'WhatsApp · +91 80975 30000', tag: 'c1' });
    shown?.onclick?.();
    expect(win.focus).toHaveBeenCalledOnce();
    expect(shown?.closed).toBe(true);
  });

  it('shows one notification per call, and closes it when the ring ends', () => {
    const { notifier } = setup('granted');
    notifier.show('c1', 'Rahul is calling', 'WhatsApp');
    notifier.show('c1', 'Rahul is calling', 'WhatsApp');
    notifier.show('c2', 'Asha is calling', 'Messenger');
    expect(FakeNotification.shown).toHaveLength(2);
    notifier.close('c1');
    expect(FakeNotification.shown.map((n) => n.closed)).toEqual([true, false]);
    notifier.closeAll();
    expect(FakeNotification.shown.map((n) => n.closed)).toEqual([true, true]);
  });

  it('shows nothing without permission, and asks only while the choice is open', () => {
    const denied = setup('denied');
    denied.notifier.requestPermission();
    denied.notifier.show('c1', 'Rahul is calling', 'WhatsApp');
    expect(FakeNotification.requested).toBe(0);
    expect(FakeNotification.shown).toHaveLength(0);

    const open = setup('default');
    open.notifier.requestPermission();
    expect(FakeNotification.requested).toBe(1);
    open.notifier.show('c1', 'Rahul is calling', 'WhatsApp');
    expect(FakeNotification.shown).toHaveLength(0);
  });
});
