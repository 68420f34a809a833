import { describe, expect, it } from 'vitest';
import { permissionRequestKind, windowClosedWords } from './permission-request-kind';

const template = { name: 'call_permission_request', language: 'en' };

describe('permissionRequestKind', () => {
  it('asks free-form inside the window, whatever the template', () => {
    expect(permissionRequestKind({ windowOpen: true, template })).toBe('free-form');
    expect(permissionRequestKind({ windowOpen: true, template: null })).toBe('free-form');
  });

  it('asks with the template when the window is not known to be open', () => {
    expect(permissionRequestKind({ windowOpen: false, template })).toBe('template');
  });

  it('lets Meta decide when there is no template (it sees messages the server does not)', () => {
    expect(permissionRequestKind({ windowOpen: false, template: null })).toBe('free-form');
  });

  it('tells the agent both ways out', () => {
    expect(windowClosedWords('+447700900123')).toMatch(
      /^\+447700900123 has not messaged or called.*message you first.*admin to set a permission template/,
    );
  });
});
