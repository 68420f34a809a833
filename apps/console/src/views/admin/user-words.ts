import type { Role } from '@ringside/contracts';

const ROLE_NAMES: Record<Role, string> = {
  agent: 'Agent',
  supervisor: 'Supervisor',
  admin: 'Admin',
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
  return ROLE_NAMES[role];
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
      return 'answers calls';
    case 'supervisor':
      return 'answers calls, watches the board, reads settings';
    case 'admin':
      return 'everything, including settings and users';
  }
}
