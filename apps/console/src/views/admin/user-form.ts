import { lazyWords } from '../../i18n/i18n';
import {
  userCreateBodySchema,
  userUpdateBodySchema,
  type Role,
  type UserCreateBody,
  type UserUpdateBody,
} from '@ringside/contracts';
import { checkWith, type FormCheck, type Problems } from './form-check';

/** the add-user form as typed */
export interface UserDraft {
  name: string;
  email: string;
  password: string;
  role: Role;
}

/** what a problem with each field means */
export const USER_WORDS: Problems = lazyWords({
  email: 'problem.email',
  password: 'problem.password',
  name: 'problem.upTo200',
  role: 'problem.role',
});

/** an empty add-user form */
export const NEW_USER: UserDraft = { name: '', email: '', password: '', role: 'agent' };

/**
 * Checks the add-user form and builds `POST /api/admin/users` (a blank name is left out: the
 * server names the user after their email).
 *
 * @example
 * newUserBody({ name: 'Asha', email: 'Asha@Example.com', password: 'long enough', role: 'agent' });
 * // { ok: true, body: { name: 'Asha', email: 'asha@example.com', password: 'long enough', role: 'agent' } }
 */
export function newUserBody(draft: UserDraft): FormCheck<UserCreateBody> {
  const name = draft.name.trim();
  return checkWith(
    userCreateBodySchema.safeParse({
      email: draft.email,
      password: draft.password,
      role: draft.role,
      ...(name ? { name } : {}),
    }),
    USER_WORDS,
  );
}

/**
 * Checks a new password an admin sets for someone.
 *
 * @example
 * resetPasswordBody('short'); // { ok: false, problems: { password: 'Use at least 8 characters.' } }
 */
export function resetPasswordBody(password: string): FormCheck<UserUpdateBody> {
  return checkWith(userUpdateBodySchema.safeParse({ password }), USER_WORDS);
}
