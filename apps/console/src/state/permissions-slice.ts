import type { CallPermissionPayload } from '@ringside/contracts';
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store';
import type { PermissionNotice } from './types';

/** how many permission notices show at once: the latest, older ones give way */
export const MAX_PERMISSION_NOTICES = 3;

/** customers' answers to call-permission requests, newest first, until dismissed */
export interface PermissionsSlice {
  permissionNotices: PermissionNotice[];
  permissionNoticeSeq: number;
  /** the server says a customer allowed (or refused) calls from one of the agent's channels */
  permissionReplied(reply: CallPermissionPayload): void;
  permissionNoticeDismissed(id: number): void;
}

export const initialPermissions = {
  permissionNotices: [],
  permissionNoticeSeq: 0,
} satisfies Partial<PermissionsSlice>;

/**
 * The permission notices slice. A newer answer from the same customer on the same channel
 * replaces the older one (they changed their mind, or Meta sent it twice); past
 * {@link MAX_PERMISSION_NOTICES} the oldest goes.
 *
 * @example
 * store.getState().permissionReplied({ channelId: 'ch1', channel: 'whatsapp',
 *   customer: { number: '+447700900123' }, granted: true });
 * store.getState().permissionNotices[0]?.granted; // true
 */
export const createPermissionsSlice: StateCreator<AppState, [], [], PermissionsSlice> = (set) => ({
  ...initialPermissions,
  permissionReplied: (reply) =>
    set((state) => {
      const notice = toNotice(state.permissionNoticeSeq + 1, reply);
      const others = state.permissionNotices.filter((n) => !sameCustomer(n, notice));
      return {
        permissionNotices: [notice, ...others].slice(0, MAX_PERMISSION_NOTICES),
        permissionNoticeSeq: notice.id,
      };
    }),
  permissionNoticeDismissed: (id) =>
    set((state) =>
      state.permissionNotices.some((n) => n.id === id)
        ? { permissionNotices: state.permissionNotices.filter((n) => n.id !== id) }
        : state,
    ),
});

function toNotice(id: number, reply: CallPermissionPayload): PermissionNotice {
  const expiresAt = reply.expiresAt === undefined ? Number.NaN : Date.parse(reply.expiresAt);
  return {
    id,
    channelId: reply.channelId,
    channel: reply.channel,
    customer: { ...reply.customer },
    granted: reply.granted,
    ...(Number.isFinite(expiresAt) ? { expiresAt } : {}),
    ...(reply.permanent === undefined ? {} : { permanent: reply.permanent }),
  };
}

function sameCustomer(a: PermissionNotice, b: PermissionNotice): boolean {
  return (
    a.channelId === b.channelId &&
    (a.customer.number ?? a.customer.userId ?? a.customer.psid) ===
      (b.customer.number ?? b.customer.userId ?? b.customer.psid)
  );
}
