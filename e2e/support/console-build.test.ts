import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSOLE_DIST } from './paths';

// a warning only React's development build carries (react-dom's DOM nesting check)
const DEVELOPMENT_ONLY = 'In HTML, %s cannot be a child';

describe('the console the specs run (support/build-console.ts)', () => {
  it("is React's production build, as `pnpm start` serves it, though vitest runs with NODE_ENV=test", () => {
    const assets = join(CONSOLE_DIST, 'assets');
    const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const development = scripts.filter((name) =>
      readFileSync(join(assets, name), 'utf8').includes(DEVELOPMENT_ONLY),
    );
    expect(development).toEqual([]);
  });
});
