import { mkdirSync, mkdtempSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { linkExternals } from './external-packages';

let root = '';

/** a package folder `root/<at>/node_modules/<name>` */
function install(at: string, name: string): string {
  const dir = join(root, at, 'node_modules', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name }));
  return realpathSync(dir);
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('linkExternals', () => {
  it('links each package to the copy its importer sees, however deep it is installed', () => {
    root = mkdtempSync(join(tmpdir(), 'ringside-link-'));
    const werift = install('packages/sim', 'werift');
    const pino = install('.', '@scope/pino');
    const names = linkExternals(
      join(root, 'out'),
      new Map([
        ['werift', new Set([join(root, 'packages/sim/src/media')])],
        ['@scope/pino', new Set([join(root, 'apps/server/src'), join(root, 'packages/sim')])],
      ]),
    );
    expect(names).toEqual(['@scope/pino', 'werift']);
    const target = (link: string) => resolve(dirname(link), readlinkSync(link));
    expect(target(join(root, 'out/node_modules/werift'))).toBe(werift);
    expect(target(join(root, 'out/node_modules/@scope/pino'))).toBe(pino);
  });

  it('refuses two copies of one package: one bundle can load only one', () => {
    root = mkdtempSync(join(tmpdir(), 'ringside-link-'));
    install('apps/server', 'zod');
    install('packages/contracts', 'zod');
    const imports = new Map([
      ['zod', new Set([join(root, 'apps/server/src'), join(root, 'packages/contracts/src')])],
    ]);
    expect(() => linkExternals(join(root, 'out'), imports)).toThrow(/zod: .*2 copies/);
  });

  it('names a package nobody installed', () => {
    root = mkdtempSync(join(tmpdir(), 'ringside-link-'));
    const imports = new Map([['left-pad', new Set([join(root, 'src')])]]);
    expect(() => linkExternals(join(root, 'out'), imports)).toThrow(/left-pad: not installed/);
  });
});
