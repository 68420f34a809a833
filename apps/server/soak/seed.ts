// soak-only: one workspace, its WhatsApp number, agents and a supervisor, written to the data
// directory before the server process opens it (PGlite lets one process at a time in)
import { DEMO_WHATSAPP_NUMBER } from '@ringside/meta-sim';
import { SESSION_COOKIE } from '../src/auth/session-cookie';
import { openDatabase } from '../src/db/open-database';
import { createSecretBox } from '../src/db/secret-box';
import { createRepos } from '../src/repos';
import { createRepoShared } from '../src/repos/repo-shared';

const DAY_MS = 24 * 3_600_000;
// never used to sign in: sessions are written directly, as the bench does
const UNUSABLE_HASH = 'scrypt$soak$not-a-password';

export interface Seeded {
  workspaceId: string;
  phoneNumberId: string;
  /** `ringside_session=…` per agent, in order */
  agentCookies: string[];
  supervisorCookie: string;
}

export async function seedSoakData(options: {
  dataDir: string;
  /** PostgreSQL (cluster mode) instead of PGlite in `dataDir` */
  databaseUrl?: string;
  secretsKey: string;
  agents: number;
}): Promise<Seeded> {
  const database = await openDatabase({
    dataDir: options.dataDir,
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
  });
  try {
    const repos = createRepos(
      database.db,
      createSecretBox(options.secretsKey),
      createRepoShared({ engine: database.kind }),
    );
    const workspace = await repos.workspaces.createWorkspace('Soak');
    const number = DEMO_WHATSAPP_NUMBER;
    const channel = await repos.channels.createWhatsAppChannel({
      workspaceId: workspace.id,
      phoneNumberId: number.phoneNumberId,
      wabaId: number.wabaId,
      displayNumber: `+${number.displayPhoneNumber}`,
      accessToken: number.accessToken,
    });
    if (!channel.ok) throw new Error('could not create the soak channel');
    const session = async (role: 'agent' | 'supervisor', i: number) => {
      const created = await repos.users.createUser({
        workspaceId: workspace.id,
        email: `${role}${i}@soak.example.com`,
        name: `${role === 'agent' ? 'Agent' : 'Supervisor'} ${i}`,
        passwordHash: UNUSABLE_HASH,
        role,
      });
      if (!created.ok) throw new Error(created.error.message);
      const token = await repos.sessions.createSession(created.user.id, DAY_MS, new Date());
      return `${SESSION_COOKIE}=${token}`;
    };
    const agentCookies: string[] = [];
    for (let i = 1; i <= options.agents; i += 1) agentCookies.push(await session('agent', i));
    return {
      workspaceId: workspace.id,
      phoneNumberId: number.phoneNumberId,
      agentCookies,
      supervisorCookie: await session('supervisor', 1),
    };
  } finally {
    await database.close();
  }
}
