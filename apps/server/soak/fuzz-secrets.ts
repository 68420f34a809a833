// soak-only: what must never appear in anything the server sends back to a stranger or a console
import { APP_SECRET, type Stack, type TestWorkspace } from '../src/testing/test-stack';

export interface SecretWatch {
  /** the secrets found in `text` (by name, never the value) */
  found(text: string): string[];
  add(name: string, value: string): void;
}

/**
 * The app secret, the verify token, the secrets key, the workspace's access tokens, session ids
 * and password hashes of the users given.
 */
export async function watchSecrets(
  stack: Stack,
  ws: TestWorkspace,
  users: Array<{ email: string; cookie: string }>,
): Promise<SecretWatch> {
  const secrets = new Map<string, string>([
    ['app secret', APP_SECRET],
    ['verify token', 'verify-me'],
    ['secrets key', Buffer.alloc(32, 9).toString('base64')],
  ]);
  ws.accessTokens.forEach((token, i) => secrets.set(`access token ${i}`, token));
  for (const [i, user] of users.entries()) {
    secrets.set(`session ${i}`, user.cookie.split('=')[1] ?? user.cookie);
    const row = await stack.app.repos.users.findUserByEmail(user.email);
    if (row) secrets.set(`password hash ${i}`, row.passwordHash);
  }
  return {
    found: (text) =>
      [...secrets].filter(([, value]) => value && text.includes(value)).map(([name]) => name),
    add: (name, value) => void secrets.set(name, value),
  };
}
