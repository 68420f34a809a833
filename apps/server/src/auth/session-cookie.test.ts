import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SESSION_TTL_MS,
  isSecureOrigin,
  readSessionToken,
  sessionCookieOptions,
} from './session-cookie';

describe('sessionCookieOptions', () => {
  it('keeps the cookie from scripts and cross-site posts, for as long as a session lasts', () => {
    expect(sessionCookieOptions({ secure: false })).toEqual({
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: false,
      maxAge: 12 * 60 * 60 * 1000,
    });
    expect(DEFAULT_SESSION_TTL_MS).toBe(43_200_000);
  });

  it('is Secure when asked and follows a custom lifetime', () => {
    expect(sessionCookieOptions({ secure: true, maxAgeMs: 60_000 })).toMatchObject({
      secure: true,
      maxAge: 60_000,
    });
  });
});

describe('isSecureOrigin', () => {
  it.each([
    ['https://ringside.example.com', true],
    ['HTTPS://ringside.example.com', true],
    ['http://localhost:3000', false],
  ])('%s → %s', (origin, secure) => {
    expect(isSecureOrigin(origin)).toBe(secure);
  });
});

describe('readSessionToken', () => {
  it.each([
    ['the only cookie', 'ringside_session=abc-_123', 'abc-_123'],
    ['among others', 'theme=dark; ringside_session=abc123; lang=en', 'abc123'],
    ['with spaces around it', '  ringside_session = abc123 ;x=1', 'abc123'],
    ['quoted', 'ringside_session="abc123"', 'abc123'],
    ['percent-encoded', 'ringside_session=a%2Bb', 'a+b'],
    ['the first of two', 'ringside_session=first; ringside_session=second', 'first'],
  ])('finds the token as %s', (_case, header, token) => {
    expect(readSessionToken(header)).toBe(token);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['other cookies only', 'theme=dark; ringside_session_old=abc'],
    ['an empty value', 'ringside_session='],
    ['a broken percent-encoding', 'ringside_session=%E0%A4%A'],
    ['a name without a value', 'ringside_session'],
    ['an oversized header', `ringside_session=abc; pad=${'x'.repeat(9000)}`],
  ])('finds nothing in %s', (_case, header) => {
    expect(readSessionToken(header)).toBeUndefined();
  });
});
