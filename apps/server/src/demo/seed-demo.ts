import type { Role } from '@ringside/contracts';
import {
  DEFAULT_PERMISSION_TEMPLATE,
  type SimMessengerPage,
  type SimWhatsAppNumber,
} from '@ringside/meta-sim';
import { hashPassword, type ScryptCost } from '../auth/passwords';
import type { UnitOfWork } from '../repos/unit-of-work';

/** the demo sign-ins `pnpm start` prints; the password is public, like the workspace */
export const DEMO_PASSWORD = 'ringside-demo';
export const DEMO_USERS: readonly { email: string; name: string; role: Role }[] = [
  { email: 'admin@demo.ringside.test', name: 'Ada Admin', role: 'admin' },
  { email: 'supervisor@demo.ringside.test', name: 'Sam Supervisor', role: 'supervisor' },
  { email: 'agent1@demo.ringside.test', name: 'Alex Agent', role: 'agent' },
  { email: 'agent2@demo.ringside.test', name: 'Bo Agent', role: 'agent' },
];

const ADMIN_EMAIL = DEMO_USERS[0]?.email ?? '';

/**
 * The demo workspace of the embedded default: an admin, a supervisor, two agents, the
 * simulator's WhatsApp number (with the simulated account's approved call permission template,
 * so New call can ask a customer who never wrote, as WhatsApp requires) and Page, made in one
 * transaction: a start that stops halfway
 * leaves nothing, and the next one makes it all. Idempotent: once the demo admin exists, a
 * start finds it and changes nothing (what an admin later removes stays removed).
 *
 * @example
 * const { workspaceId, created } = await seedDemo(app.unitOfWork, { number, page });
 */
export async function seedDemo(
  unitOfWork: UnitOfWork,
  simulator: { number: SimWhatsAppNumber; page: SimMessengerPage },
  // test-only: a cheaper scrypt cost; `pnpm start` (main.ts) passes nothing: the real one
  options: { testOnlyPasswordCost?: ScryptCost } = {},
): Promise<{ workspaceId: string; created: boolean }> {
  const seeded = await unitOfWork((repos) => repos.users.findUserByEmail(ADMIN_EMAIL));
  if (seeded) return { workspaceId: seeded.workspaceId, created: false };
  // slow on purpose (scrypt): worked out before the transaction, not while it holds the database
  const passwordHash = await hashPassword(DEMO_PASSWORD, options.testOnlyPasswordCost);

  return unitOfWork(async (repos) => {
    // another start may have seeded it meanwhile
    const existing = await repos.users.findUserByEmail(ADMIN_EMAIL);
    if (existing) return { workspaceId: existing.workspaceId, created: false };

    const workspace = await repos.workspaces.createWorkspace('Ringside Demo');
    for (const user of DEMO_USERS) {
      const created = await repos.users.createUser({
        workspaceId: workspace.id,
        passwordHash,
        ...user,
      });
      if (!created.ok) throw new Error(`demo user ${user.email}: ${created.error.message}`);
    }
    const whatsapp = await repos.channels.createWhatsAppChannel({
      workspaceId: workspace.id,
      phoneNumberId: simulator.number.phoneNumberId,
      wabaId: simulator.number.wabaId,
      displayNumber: `+${simulator.number.displayPhoneNumber.replace(/^\+/, '')}`,
      name: 'Demo WhatsApp line',
      accessToken: simulator.number.accessToken,
    });
    if (!whatsapp.ok) throw new Error(`demo WhatsApp number: ${whatsapp.error.message}`);
    await repos.permissionTemplates.set(
      workspace.id,
      whatsapp.channel.id,
      DEFAULT_PERMISSION_TEMPLATE,
    );
    const messenger = await repos.channels.createMessengerChannel({
      workspaceId: workspace.id,
      pageId: simulator.page.pageId,
      name: simulator.page.name,
      accessToken: simulator.page.accessToken,
    });
    if (!messenger.ok) throw new Error(`demo Page: ${messenger.error.message}`);
    return { workspaceId: workspace.id, created: true };
  });
}
