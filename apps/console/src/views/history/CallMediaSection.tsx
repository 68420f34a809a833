import { useT } from '../../i18n/I18nProvider';
import { t, type MessageKey } from '../../i18n/i18n';
import type { CallMediaView, CallTranscript } from '@ringside/contracts/call-media';
import { useEffect, useState } from 'react';
import type { CallMediaApi } from '../../api/call-media-api';
import { useLoaded } from '../admin/useLoaded';

const MUTED = 'text-slate-600 dark:text-slate-400';
/** how often an open detail asks again while Meta's file is still on its way */
export const AWAITED_MEDIA_REFRESH_MS = 3_000;

/**
 * The call's recording and transcript made by Meta, when the line recorded it: a player that
 * seeks (the server answers Range requests), Download, and the transcript on request (opening
 * it is audited, so it is not fetched until asked). Nothing when the call has neither. While a
 * file is still on its way from Meta the section asks again every few seconds, so a detail
 * opened right after the call shows the player without a reload.
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
  const recording = loaded.data.items.find((m) => m.kind === 'recording');
  const transcript = loaded.data.items.find((m) => m.kind === 'transcript');
  return (
    <section aria-label={t('media.title')}>
      <h3 className="font-semibold">{t('media.title')}</h3>
      {recording ? <Recording api={api} callId={callId} media={recording} /> : null}
      {transcript ? <Transcript api={api} callId={callId} media={transcript} /> : null}
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
} as const satisfies Record<string, Record<string, MessageKey>>;

function statusLine(media: CallMediaView, what: keyof typeof STATUS_WORDS): string | null {
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

function Recording({
  api,
  callId,
  media,
}: {
  api: CallMediaApi;
  callId: string;
  media: CallMediaView;
}) {
  const status = statusLine(media, 'recording');
  if (status) return <p className={`mt-1 ${MUTED}`}>{status}</p>;
  return (
    <div className="mt-2 flex flex-wrap items-center gap-3">
      <audio
        controls
        preload="metadata"
        aria-label={t('media.player')}
        src={api.recordingUrl(callId)}
      />
      <a className="underline" href={api.downloadUrl(callId)} download>
        {t('media.download')}
      </a>
    </div>
  );
}

function Transcript({
  api,
  callId,
  media,
}: {
  api: CallMediaApi;
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
