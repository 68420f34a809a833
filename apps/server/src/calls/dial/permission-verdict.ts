import type { MsgrCallPermissionsReply, WaCallPermissionsReply } from '@ringside/contracts';

/**
 * What Meta's permission reply lets us do about calling one customer:
 * - `may-call`: they allowed calls, and Meta's call limits leave room
 * - `call-limit`: they allowed calls, but today's connected-call limit is used up
 * - `may-ask`: no permission yet; a permission request may be sent
 * - `asked-already`: no permission, and Meta allows no request now (one was sent lately)
 *
 * @example
 * if (permissionVerdict('whatsapp', reply).kind === 'may-ask') await sendRequest();
 */
export type PermissionVerdict =
  | { readonly kind: 'may-call' }
  | { readonly kind: 'call-limit' }
  | { readonly kind: 'may-ask' }
  | { readonly kind: 'asked-already' };

// the action names are Meta's (meta-calling.md §2.8); messenger's reply is thinner (§3.4)
const START_CALL = 'start_call';
const SEND_REQUEST = 'send_call_permission_request';

/**
 * Reads a `call_permissions` (WhatsApp) or `messenger_call_permissions` (Messenger) reply. An
 * action Meta leaves out counts as allowed: its absence says nothing about a limit.
 *
 * @example
 * permissionVerdict('whatsapp', { permission: { status: 'temporary' }, actions: [] }); // { kind: 'may-call' }
 */
export function permissionVerdict(
  ...[channel, reply]:
    | [channel: 'whatsapp', reply: WaCallPermissionsReply]
    | [channel: 'messenger', reply: MsgrCallPermissionsReply]
): PermissionVerdict {
  const granted =
    channel === 'whatsapp'
      ? reply.permission.status !== 'no_permission'
      : reply.permission.status === 'has_permission';
  const allowed = (name: string): boolean => {
    if (channel === 'whatsapp') {
      return reply.actions.find((a) => a.action_name === name)?.can_perform_action ?? true;
    }
    return reply.actions?.find((a) => a.action_name === name)?.can_perform ?? true;
  };
  if (granted) return { kind: allowed(START_CALL) ? 'may-call' : 'call-limit' };
  return { kind: allowed(SEND_REQUEST) ? 'may-ask' : 'asked-already' };
}
