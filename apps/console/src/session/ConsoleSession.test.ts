import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../api/http';
import { createAppStore } from '../state/store';
import { ME } from '../state/testing';
import type { Me } from '../state/types';
import { ConsoleSession, type TabRole } from './ConsoleSession';

const REFUSED = {
  ok: false as const,
  error: { status: 401, code: 'unauthorized', message: 'Please sign in again.' },
};

function harness(
  options: { signedIn?: boolean; login?: ApiResult<Me>; prepare?: () => Promise<unknown> } = {},
) {
  const store = createAppStore();
  const steps: string[] = [];
  let tabChange: ((role: TabRole, otherTabInCall: boolean) => void) | undefined;
  const part = (name: string) => ({
    start: () => steps.push(`${name} start`),
    stop: () => steps.push(`${name} stop`),
  });
  const session = new ConsoleSession({
    store,
    auth: {
      me: async () => {
        steps.push('me');
        return options.signedIn ? { ok: true, data: ME } : REFUSED;
      },
      login: async () => {
        steps.push('login');
        return options.login ?? { ok: true, data: ME };
      },
      logout: async () => {
        steps.push('logout');
        return { ok: true, data: null };
      },
    },
    ...(options.prepare ? { prepare: options.prepare } : {}),
    whileSignedIn: [part('devices')],
    calls: {
      start: () => steps.push('calls start'),
      stop: async () => {
        steps.push('calls stop');
      },
    },
    tabsFor: (me, onChange) => {
      steps.push(`tabs for ${me.id}`);
      tabChange = onChange;
      return {
        ...part('tabs'),
        takeOver: () => steps.push('take over'),
        announceInCall: (inCall) => steps.push(`in call ${String(inCall)}`),
      };
    },
    simulatorEnabled: async () => true,
  });
  return { store, steps, session, tab: (role: TabRole) => tabChange?.(role, false) };
}

describe('ConsoleSession', () => {
  it('shows the login page when the browser is not signed in, and starts nothing', async () => {
    const { store, steps, session } = harness();
    await session.boot();
    expect(store.getState().auth).toBe('signed-out');
    expect(steps).toEqual(['me']);
  });

  it('loads the signed-in part alongside asking the server, and starts only once it is here', async () => {
    let loaded: () => void = () => undefined;
    const { store, steps, session } = harness({
      signedIn: true,
      prepare: () => {
        steps.push('prepare');
        return new Promise<void>((resolve) => (loaded = resolve));
      },
    });
    const booting = session.boot();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(steps).toEqual(['prepare', 'me']);
    expect(store.getState().auth).toBe('checking');

    loaded();
    await booting;
    expect(store.getState().auth).toBe('signed-in');
    expect(steps).toEqual(['prepare', 'me', 'devices start', `tabs for ${ME.id}`, 'tabs start']);
  });

  it('shows the login page when the signed-in part cannot load, and signing in says so', async () => {
    let online = false;
    const { store, steps, session } = harness({
      signedIn: true,
      prepare: () => (online ? Promise.resolve() : Promise.reject(new Error('offline'))),
    });
    await session.boot();
    expect(store.getState().auth).toBe('signed-out');

    expect(await session.signIn('ana@example.com', 'pw')).toMatchObject({
      code: 'console_not_loaded',
    });
    expect(steps).toEqual(['me']); // no sign-in the console could not then run

    online = true;
    expect(await session.signIn('ana@example.com', 'pw')).toBeUndefined();
    expect(store.getState().auth).toBe('signed-in');
  });

  it('starts a signed-in user, and runs calls only while this tab owns them', async () => {
    const { store, steps, session, tab } = harness({ signedIn: true });
    await session.boot();
    await session.boot(); // idempotent
    expect(store.getState().me?.id).toBe(ME.id);
    expect(steps).toEqual(['me', 'devices start', `tabs for ${ME.id}`, 'tabs start']);
    tab('owner');
    tab('owner');
    expect(steps.filter((s) => s === 'calls start')).toHaveLength(1);
    tab('other-tab');
    await Promise.resolve();
    expect(steps.at(-1)).toBe('calls stop');
    expect(store.getState().tab).toBe('other-tab');
  });

  it('passes a refused sign-in on and starts nothing', async () => {
    const { store, steps, session } = harness({ login: REFUSED });
    expect(await session.signIn('a@b.test', 'wrong')).toEqual(REFUSED.error);
    expect(store.getState().me).toBeNull();
    expect(steps).toEqual(['login']);
  });

  it('stops calls before signing out, then clears everything', async () => {
    const { store, steps, session, tab } = harness();
    await session.signIn('agent1@demo.ringside.test', 'right');
    tab('owner');
    steps.length = 0;
    await session.signOut();
    expect(steps).toEqual(['calls stop', 'logout', 'tabs stop', 'devices stop']);
    expect(store.getState()).toMatchObject({ auth: 'signed-out', me: null });
  });

  it('stops everything without signing out when the server ended the session', async () => {
    const { store, steps, session, tab } = harness({ signedIn: true });
    await session.boot();
    tab('owner');
    steps.length = 0;
    await session.ended();
    expect(steps).toEqual(['calls stop', 'tabs stop', 'devices stop']);
    expect(store.getState().auth).toBe('signed-out');
    // a later boot asks the server again instead of reusing the first answer
    await session.boot();
    expect(steps.at(-1)).toBe('tabs start');
  });
});
