import { t, type MessageKey } from '../../i18n/i18n';
import type { Role } from '@ringside/contracts';

const ROLE_NAMES: Record<Role, MessageKey> = {
  agent: 'role.agent',
  supervisor: 'role.supervisor',
  admin: 'role.admin',
};

/** every role, least first, for pickers */
export const ROLES: readonly Role[] = ['agent', 'supervisor', 'admin'];

/**
 * A role in words.
 *
 * @example
 * roleName('supervisor'); // 'Supervisor'
 */
export function roleName(role: Role): string {
  return t(ROLE_NAMES[role]);
}

/**
 * What a role may do, for the role picker's hint.
 *
 * @example
 * roleDuty('agent'); // 'answers calls'
 */
export function roleDuty(role: Role): string {
  switch (role) {
    case 'agent':
      return t('role.duty.agent');
    case 'supervisor':
      return t('role.duty.supervisor');
    case 'admin':
      return t('role.duty.admin');
  }
}
