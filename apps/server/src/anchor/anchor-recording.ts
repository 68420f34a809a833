import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promptPath, type CallRoom } from '@ringside/anchor';
import { capturesRecording } from '@ringside/contracts';
import { mediaKey, type MediaStore } from '../media/media-store';
import type { Logger } from '../ops/logger';
import type { Repos } from '../repos';
import type { ChannelRecord } from '../repos/channel-rows';

const DAY_MS = 24 * 60 * 60 * 1000;

/** a recording under way: the engine writes the room's mix to `path`; a call's, or a voicemail */
export interface RoomRecording {
  readonly path: string;
  readonly kind: 'recording' | 'voicemail';
}

/**
 * Recording on our side (#15 item 6): an anchored call whose line records (the same policy,
 * `mediaCapture`, that asks Meta to record a direct call) is recorded by the media engine instead
 * of Meta: the room's mix, both voices, as a 48 kHz mono WAV. Both sides first hear a spoken
 * notice (the `recording-notice` prompt), as Meta's own recording announces itself. When the call
 * ends the file is kept as the call's recording in the media store, under the line's retention,
 * and served and swept like one Meta made. The engine writes the file into a folder of this
 * machine, so it must share this machine's disk (docs/anchor.md).
 *
 * @example
 * const recorder = createAnchorRecorder({ repos, store, clock, logger });
 * const recording = recorder.wanted(channel) ? await recorder.start(room) : undefined;
 * // … the call ends, the room is destroyed …
 * await recorder.keep(channel, metaCallId, recording);
 */
export function createAnchorRecorder(deps: {
  repos: Pick<Repos, 'calls' | 'callMedia'>;
  store: MediaStore;
  clock: () => Date;
  logger: Logger;
  /** where the engine writes recordings (a fresh temporary folder unless given) */
  folder?: string;
}) {
  let folder: Promise<string> | undefined;
  const folderOf = () => {
    folder ??= deps.folder
      ? Promise.resolve(deps.folder)
      : mkdtemp(join(tmpdir(), 'ringside-recordings-'));
    return folder;
  };

  return {
    /** the line records its calls: an anchored call of it is recorded on our side */
    wanted(channel: Pick<ChannelRecord, 'kind' | 'mediaCapture'>): boolean {
      return channel.kind === 'whatsapp' && capturesRecording(channel.mediaCapture);
    },

    /**
     * The engine starts recording the room: a call's conversation (everyone in it hears the
     * notice first), or a caller's voicemail (they were asked for it already)
     */
    async start(room: CallRoom, kind: RoomRecording['kind'] = 'recording'): Promise<RoomRecording> {
      const into = await folderOf();
      const name = `${randomUUID()}.wav`;
      await room.setRecording(true, { folder: into, name });
      if (kind === 'recording') await room.playFile(promptPath('recording-notice'));
      return { path: join(into, name), kind };
    },

    /**
     * The call is over and its room gone (the engine closed the file): the WAV becomes the call's
     * recording or voicemail, kept for the line's retention; the engine's copy is removed either
     * way.
     */
    async keep(
      channel: ChannelRecord,
      metaCallId: string,
      recording: RoomRecording,
    ): Promise<void> {
      try {
        const bytes = await readFile(recording.path);
        const row = await deps.repos.calls.getCallByMetaId(channel.workspaceId, metaCallId);
        if (!row) throw new Error('the call is not stored');
        const mimeType = 'audio/wav';
        const storageKey = mediaKey(channel.workspaceId, row.id, recording.kind, mimeType);
        const now = deps.clock();
        await deps.store.put(storageKey, bytes);
        const kept = await deps.repos.callMedia.keepOwn(
          { callId: row.id, workspaceId: channel.workspaceId, kind: recording.kind },
          {
            storageKey,
            mimeType,
            sizeBytes: bytes.length,
            expiresAt: new Date(now.getTime() + channel.mediaRetentionDays * DAY_MS),
          },
          now,
        );
        deps.logger.info(
          { callId: row.id, kind: recording.kind, bytes: bytes.length, kept },
          kept ? 'kept what the media server recorded' : 'the call already had one',
        );
      } catch (error) {
        deps.logger.error(
          { err: error, callId: metaCallId },
          'could not keep the media server’s recording of a call',
        );
      } finally {
        await rm(recording.path, { force: true });
      }
    },
  };
}

export type AnchorRecorder = ReturnType<typeof createAnchorRecorder>;
