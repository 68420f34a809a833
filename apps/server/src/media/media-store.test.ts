import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileMediaStore, createMemoryMediaStore, mediaKey } from './media-store';

const ws = '3f2b8a4e-1c7d-4e55-9a2b-0c1d2e3f4a5b';
const call = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

describe('media store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ringside-media-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps a file under its key and forgets it when deleted', async () => {
    const store = createFileMediaStore(dir);
    const key = mediaKey(ws, call, 'recording', 'audio/ogg; codecs=opus');
    expect(key).toBe(`${ws}/${call}-recording.ogg`);
    await store.put(key, Buffer.from('OggS'));
    expect((await store.get(key))?.toString()).toBe('OggS');
    expect(await readdir(join(dir, ws))).toEqual([`${call}-recording.ogg`]);
    await store.delete(key);
    expect(await store.get(key)).toBeUndefined();
  });

  it.each(['../../etc/passwd', `${ws}/../../x-recording.ogg`, '/etc/passwd', `${ws}/x.ogg`])(
    'refuses a key that is not one of ours: %s',
    async (key) => {
      const store = createFileMediaStore(dir);
      await expect(store.put(key, Buffer.from('x'))).rejects.toThrow('not a media key');
      await expect(store.get(key)).rejects.toThrow('not a media key');
      await expect(createMemoryMediaStore().get(key)).rejects.toThrow('not a media key');
    },
  );

  it('makes no key from ids that are not uuids', () => {
    expect(() => mediaKey('../x', call, 'recording', 'audio/ogg')).toThrow('not a media key');
  });
});
