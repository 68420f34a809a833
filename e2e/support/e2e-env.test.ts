import { describe, expect, it } from 'vitest';
import { readE2eEnv } from './e2e-env';

describe('readE2eEnv', () => {
  it('turns a switch on with 1 only', () => {
    expect(readE2eEnv({ E2E_SKIP_BUILD: '1', E2E_UPDATE_SCREENSHOT: '1' })).toEqual({
      skipBuild: true,
      updateReadmeScreenshot: true,
    });
  });

  it('leaves everything on by default and ignores other values', () => {
    expect(readE2eEnv({})).toEqual({ skipBuild: false, updateReadmeScreenshot: false });
    expect(readE2eEnv({ E2E_SKIP_BUILD: 'true', E2E_UPDATE_SCREENSHOT: 'yes' })).toEqual({
      skipBuild: false,
      updateReadmeScreenshot: false,
    });
  });
});
