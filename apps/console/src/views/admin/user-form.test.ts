import { describe, expect, it } from 'vitest';
import { NEW_USER, newUserBody, resetPasswordBody, USER_WORDS } from './user-form';

describe('newUserBody', () => {
  it('builds the user, with the email as the server compares it', () => {
    expect(
      newUserBody({
        name: ' Asha ',
        email: ' Asha@Example.com ',
        password: 'long enough',
        role: 'supervisor',
      }),
    ).toEqual({
      ok: true,
      body: {
        name: 'Asha',
        email: 'asha@example.com',
        password: 'long enough',
        role: 'supervisor',
      },
    });
  });

  it('leaves a blank name to the server', () => {
    const checked = newUserBody({ ...NEW_USER, email: 'bo@example.com', password: '12345678' });
    expect(checked.ok && 'name' in checked.body).toBe(false);
  });

  it('says what to fix', () => {
    expect(newUserBody({ ...NEW_USER, email: 'not an email', password: 'short' })).toEqual({
      ok: false,
      problems: { email: USER_WORDS['email'], password: USER_WORDS['password'] },
    });
  });
});

describe('resetPasswordBody', () => {
  it('accepts a long enough password and refuses a short one', () => {
    expect(resetPasswordBody('correct horse')).toEqual({
      ok: true,
      body: { password: 'correct horse' },
    });
    expect(resetPasswordBody('short')).toEqual({
      ok: false,
      problems: { password: USER_WORDS['password'] },
    });
  });
});
