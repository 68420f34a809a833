import { describe, expect, it } from 'vitest';
import { loadBuildEnv } from './build-env';

describe('loadBuildEnv', () => {
  it('proxies to port 3000 unless told otherwise', () => {
    expect(loadBuildEnv({})).toEqual({ serverPort: 3000 });
    expect(loadBuildEnv({ RINGSIDE_SERVER_PORT: '3917' })).toEqual({ serverPort: 3917 });
  });

  it('names the variable when the port is wrong', () => {
    for (const bad of ['abc', '0', '70000', '3000.5']) {
      expect(() => loadBuildEnv({ RINGSIDE_SERVER_PORT: bad })).toThrow(/RINGSIDE_SERVER_PORT/);
    }
  });
});
