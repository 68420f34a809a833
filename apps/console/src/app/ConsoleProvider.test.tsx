import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { useAppState, useServices } from './ConsoleProvider';

function UsesServices() {
  useServices();
  return null;
}

function UsesState() {
  useAppState((s) => s.auth);
  return null;
}

describe('console hooks', () => {
  it('say clearly when used outside <ConsoleProvider>', () => {
    expect(() => renderToString(<UsesServices />)).toThrow(/outside <ConsoleProvider>/);
    expect(() => renderToString(<UsesState />)).toThrow(/outside <ConsoleProvider>/);
  });
});
