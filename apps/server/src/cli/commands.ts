import { hashPassword, type ScryptCost } from '../auth/passwords';
import type { Db } from '../db/database';
import type { SecretBox } from '../db/secret-box';
import { createChannelsRepo } from '../repos/channels';
import { createUsersRepo } from '../repos/users';
import { toChannelView, toUserView, toWorkspaceView } from '../repos/views';
import { createWorkspacesRepo } from '../repos/workspaces';
import type { CliCommand, DataDirCommand, DoctorCommand } from './parse-args';

/** What a command did: the JSON object to print, or why the arguments were refused. */
export type CommandOutcome = { ok: true; output: object } | { ok: false; message: string };

/** Everything a command may need; the secret box only for commands that seal tokens. */
export interface CommandContext {
  readonly db: Db;
  readonly secretBox: () => SecretBox;
  /** test-only: the scrypt cost of `user add`; unset (always, outside tests) is the real one */
  readonly testOnlyPasswordCost?: ScryptCost | undefined;
}

/**
 * Runs one parsed command against the database.
 *
 * @example
 * const outcome = await runCommand({ kind: 'workspace-add', name: 'Acme' }, { db, secretBox });
 * if (outcome.ok) console.log(JSON.stringify(outcome.output));
 */
export async function runCommand(
  command: Exclude<CliCommand, { kind: 'help' } | DataDirCommand | DoctorCommand>,
  context: CommandContext,
): Promise<CommandOutcome> {
  const { db } = context;
  switch (command.kind) {
    case 'workspace-add': {
      const workspace = await createWorkspacesRepo(db).createWorkspace(command.name);
      return { ok: true, output: toWorkspaceView(workspace) };
    }
    case 'user-add': {
      const created = await createUsersRepo(db).createUser({
        workspaceId: command.workspaceId,
        email: command.email,
        // a user added without a name is shown by their email's local part
        name: command.name ?? command.email.split('@')[0] ?? command.email,
        passwordHash: await hashPassword(command.password, context.testOnlyPasswordCost),
        role: command.role,
      });
      return created.ok
        ? { ok: true, output: toUserView(created.user) }
        : { ok: false, message: created.error.message };
    }
    case 'channel-add-whatsapp':
    case 'channel-add-messenger': {
      const channels = createChannelsRepo(db, context.secretBox());
      const created =
        command.kind === 'channel-add-whatsapp'
          ? await channels.createWhatsAppChannel(command)
          : await channels.createMessengerChannel(command);
      return created.ok
        ? { ok: true, output: toChannelView(created.channel) }
        : { ok: false, message: created.error.message };
    }
    case 'channel-assign': {
      const assigned = await channelsWithoutTokens(db).assignAgent(
        command.channelId,
        command.userId,
      );
      return assigned.ok
        ? {
            ok: true,
            output: {
              channelId: assigned.channelId,
              userId: assigned.userId,
              alreadyAssigned: assigned.alreadyAssigned,
            },
          }
        : { ok: false, message: assigned.error.message };
    }
    case 'channel-list': {
      const channels = channelsWithoutTokens(db);
      if (command.workspaceId === undefined) {
        return {
          ok: true,
          output: { channels: (await channels.listAllChannels()).map(toChannelView) },
        };
      }
      const workspace = await createWorkspacesRepo(db).getWorkspace(command.workspaceId);
      if (!workspace) return { ok: false, message: `no workspace ${command.workspaceId}` };
      const listed = await channels.listChannels(workspace.id);
      return { ok: true, output: { channels: listed.map(toChannelView) } };
    }
  }
}

// assigning and listing never touch a token: no key needed (so no SECRETS_KEY demanded)
function channelsWithoutTokens(db: Db) {
  const refuse = () => {
    throw new Error('this command does not handle tokens');
  };
  return createChannelsRepo(db, { seal: refuse, open: refuse });
}
