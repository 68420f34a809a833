import type { Role } from '@ringside/contracts';
import { hashPassword, TEST_ONLY_SCRYPT_COST } from '../../apps/server/src/testing/e2e-entry';
import { AgentConsole } from './agent-console';
import type { E2eWorld } from './e2e-suite';
import { AGENT_PASSWORD, type E2eStack, type SeededAgent } from './stack';

/**
 * Adds a supervisor or admin to the stack's workspace (beside its seeded agents), signing in with
 * the agents' password.
 *
 * @example
 * const sam = await addStaff(stack, 'supervisor', 'Sam Supervisor');
 */
export async function addStaff(
  stack: E2eStack,
  role: Exclude<Role, 'agent'>,
  name: string,
): Promise<SeededAgent> {
  const seeded = stack.agents[0];
  const colleague = seeded ? await stack.app.repos.users.findUserByEmail(seeded.email) : undefined;
  if (!colleague) throw new Error('the stack seeded no agent to find the workspace by');
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@e2e.ringside.test`;
  const created = await stack.app.repos.users.createUser({
    workspaceId: colleague.workspaceId,
    email,
    name,
    passwordHash: await hashPassword(AGENT_PASSWORD, TEST_ONLY_SCRYPT_COST),
    role,
  });
  if (!created.ok) throw new Error(`adding ${email}: ${created.error.message}`);
  return { id: created.user.id, name, email, password: AGENT_PASSWORD };
}

/**
 * A supervisor's or admin's console, signed in and on `path` (e.g. `/supervisor`), in its own
 * browser context. The spec closes it (`afterAll(() => sam?.close())`).
 *
 * @example
 * const sam = await openStaffConsole(world(), 'supervisor', 'Sam Supervisor', '/supervisor');
 */
export async function openStaffConsole(
  world: E2eWorld,
  role: Exclude<Role, 'agent'>,
  name: string,
  path: string,
): Promise<AgentConsole> {
  const staff = await addStaff(world.stack, role, name);
  const opened = await AgentConsole.open(world.browser, world.stack, staff);
  try {
    await opened.signIn();
    await opened.page.goto(`${world.stack.url}${path}`);
    return opened;
  } catch (error) {
    await opened.close();
    throw error;
  }
}
