import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';

/**
 * Where recordings and transcripts are kept once fetched from Meta. Keys are made by
 * {@link mediaKey} only; a store refuses any other shape, so no key can reach outside it.
 *
 * @example
 * const store = createFileMediaStore('/var/lib/ringside/media');
 * await store.put(key, bytes);
 * const bytes = await store.get(key); // undefined once deleted
 */
export interface MediaStore {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | undefined>;
  delete(key: string): Promise<void>;
}

const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}-(recording|transcript|voicemail)\.(ogg|wav|json|bin)$/;

/**
 * The key of a call's recording or transcript: `<workspace>/<call>-<kind>.<ext>`, uuids only.
 *
 * @example
 * mediaKey(workspaceId, callId, 'recording', 'audio/ogg'); // '…/…-recording.ogg'
 */
export function mediaKey(
  workspaceId: string,
  callId: string,
  kind: 'recording' | 'transcript' | 'voicemail',
  mimeType: string,
): string {
  const ext = mimeType.startsWith('audio/ogg')
    ? 'ogg'
    : mimeType.startsWith('audio/wav')
      ? 'wav'
      : mimeType.startsWith('application/json')
        ? 'json'
        : 'bin';
  return checked(`${workspaceId.toLowerCase()}/${callId.toLowerCase()}-${kind}.${ext}`);
}

function checked(key: string): string {
  if (!KEY.test(key)) throw new Error('not a media key');
  return key;
}

/**
 * Files under `root` (the data directory's `media/` by default), written to a temporary name
 * then renamed, so a reader never sees half a file.
 */
export function createFileMediaStore(root: string): MediaStore {
  const base = resolve(root);
  const pathOf = (key: string) => {
    const path = resolve(base, checked(key));
    // belt and braces: the key pattern already rules out `..` and absolute paths
    if (!path.startsWith(base + sep)) throw new Error('not a media key');
    return path;
  };
  return {
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.part`;
      await writeFile(temporary, bytes);
      await rename(temporary, path);
    },
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

/** A store in memory: for tests and for a server started without a data directory. */
export function createMemoryMediaStore(): MediaStore {
  const files = new Map<string, Buffer>();
  return {
    put: async (key, bytes) => void files.set(checked(key), Buffer.from(bytes)),
    get: async (key) => files.get(checked(key)),
    delete: async (key) => void files.delete(checked(key)),
  };
}
