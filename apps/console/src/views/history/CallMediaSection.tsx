import { useT } from '../../i18n/I18nProvider';
import { t, type MessageKey } from '../../i18n/i18n';
import type { CallMediaKind, CallMediaView, CallTranscript } from '@ringside/contracts/call-media';
import { useEffect, useState } from 'react';
import type { CallAudioKind } from '../../api/call-audio-url';
import type { CallMediaApi } from '../../api/call-media-api';
import { useLoaded } from '../admin/useLoaded';

const MUTED = 'text-slate-600 dark:text-slate-400';
/** what the players and the transcript ask of the media API */
type MediaFiles = Pick<CallMediaApi, 'audioUrl' | 'downloadUrl' | 'transcript'>;
/** how often an open detail asks again while Meta's file is still on its way */
export const AWAITED_MEDIA_REFRESH_MS = 3_000;

/**
 * The call's recording and transcript, when the line recorded it, and the voicemail a queued
 * caller left: a player that seeks (the server answers Range requests) with Download for the
 * recording and for the voicemail, and the transcript on request (opening it is audited, so it
 * is not fetched until asked). Nothing when the call has none. While a file is still on its
 * way the section asks again every few seconds, so a detail opened right after the call shows
 * the player without a reload.
 */
export function CallMediaSection({ api, callId }: { api: CallMediaApi; callId: string }) {
  const [loaded, reload] = useLoaded(() => api.list(callId), callId);
  useT();
  const awaited =
    loaded.state === 'ready' && loaded.data.items.some((m) => m.status === 'awaiting');
  useEffect(() => {
    if (!awaited) return;
    const timer = setTimeout(reload, AWAITED_MEDIA_REFRESH_MS);
    return () => clearTimeout(timer);
    // `loaded` changes on each answer: one timer per answer still awaiting a file
  }, [awaited, loaded, reload]);
  if (loaded.state !== 'ready' || loaded.data.items.length === 0) return null;
  return <CallMediaItems api={api} callId={callId} items={loaded.data.items} />;
}

/** what the section shows of a call's media, as the server listed it */
export function CallMediaItems({
  api,
  callId,
  items,
}: {
  api: MediaFiles;
  callId: string;
  items: readonly CallMediaView[];
}) {
  useT();
  const recording = items.find((m) => m.kind === 'recording');
  const transcript = items.find((m) => m.kind === 'transcript');
  const voicemail = items.find((m) => m.kind === 'voicemail');
  // a missed call's detail has the voicemail alone: the heading says so
  const title = recording || transcript ? t('media.title') : t('media.voicemail');
  return (
    <section aria-label={title}>
      <h3 className="font-semibold">{title}</h3>
      {recording ? <Player api={api} callId={callId} media={recording} kind="recording" /> : null}
      {transcript ? <Transcript api={api} callId={callId} media={transcript} /> : null}
      {voicemail ? <Player api={api} callId={callId} media={voicemail} kind="voicemail" /> : null}
    </section>
  );
}

const STATUS_WORDS = {
  recording: {
    awaiting: 'media.recording.awaiting',
    failed: 'media.recording.failed',
    failedWith: 'media.recording.failedWith',
    expired: 'media.recording.expired',
  },
  transcript: {
    awaiting: 'media.transcript.awaiting',
    failed: 'media.transcript.failed',
    failedWith: 'media.transcript.failedWith',
    expired: 'media.transcript.expired',
  },
  voicemail: {
    awaiting: 'media.voicemail.awaiting',
    failed: 'media.voicemail.failed',
    failedWith: 'media.voicemail.failedWith',
    expired: 'media.voicemail.expired',
  },
} as const satisfies Record<CallMediaKind, Record<string, MessageKey>>;

/** what a player and its Download link are called, by what they play */
const PLAYER_WORDS = {
  recording: { player: 'media.player', download: 'media.download' },
  voicemail: { player: 'media.voicemail', download: 'media.downloadVoicemail' },
} as const satisfies Record<CallAudioKind, Record<string, MessageKey>>;

function statusLine(media: CallMediaView, what: CallMediaKind): string | null {
  const words = STATUS_WORDS[what];
  switch (media.status) {
    case 'awaiting':
      return t(words.awaiting);
    case 'failed':
      return media.error ? t(words.failedWith, { error: media.error }) : t(words.failed);
    case 'expired':
      return t(words.expired);
    case 'stored':
      return null;
  }
}

function Player({
  api,
  callId,
  media,
  kind,
}: {
  api: MediaFiles;
  callId: string;
  media: CallMediaView;
  kind: CallAudioKind;
}) {
  const status = statusLine(media, kind);
  if (status) return <p className={`mt-1 ${MUTED}`}>{status}</p>;
  const words = PLAYER_WORDS[kind];
  return (
    <div className="mt-2 flex flex-wrap items-center gap-3">
      <audio
        controls
        preload="metadata"
        aria-label={t(words.player)}
        src={api.audioUrl(callId, kind)}
      />
      <a className="underline" href={api.downloadUrl(callId, kind)} download>
        {t(words.download)}
      </a>
    </div>
  );
}

function Transcript({
  api,
  callId,
  media,
}: {
  api: MediaFiles;
  callId: string;
  media: CallMediaView;
}) {
  const [shown, setShown] = useState<CallTranscript | 'loading' | string | null>(null);
  const status = statusLine(media, 'transcript');
  if (status) return <p className={`mt-1 ${MUTED}`}>{status}</p>;
  if (shown === null || shown === 'loading') {
    return (
      <button
        type="button"
        className="mt-2 rounded border border-slate-300 px-2 py-1 dark:border-slate-600"
        disabled={shown === 'loading'}
        onClick={() => {
          setShown('loading');
          void api.transcript(callId).then((result) => {
            setShown(result.ok ? result.data : result.error.message);
          });
        }}
      >
        {t('media.showTranscript')}
      </button>
    );
  }
  if (typeof shown === 'string') return <p className="mt-1 text-red-700">{shown}</p>;
  return (
    <ol aria-label={t('media.transcript')} className="mt-2 space-y-1">
      {shown.segments.map((segment, i) => (
        <li key={i}>
          <span className="font-medium">
            {segment.speaker === 'business' ? t('media.agent') : t('media.customer')}
          </span>{' '}
          {segment.text}
        </li>
      ))}
    </ol>
  );
}
