import { lazyWords, t } from '../../i18n/i18n';
import {
  adminChannelCreateBodySchema,
  adminChannelUpdateBodySchema,
  AGENT_TIMEOUT_BOUNDS,
  MEDIA_RETENTION_BOUNDS,
  QUEUE_LIMIT_BOUNDS,
  RING_TIMEOUT_BOUNDS,
  toE164,
  WRAP_UP_BOUNDS,
  type AdminChannelCreateBody,
  type AdminChannelUpdateBody,
  type AdminChannelView,
  type Channel,
  type MediaCapture,
  type MediaModeOption,
  type RingStrategy,
  type WhenNobodyAvailableOption,
  type WrapUpMode,
} from '@ringside/contracts';
import { DEFAULT_QUEUE_LIMIT_SEC } from './channel-queue';
import { checkWith, defined, wholeNumber, type FormCheck, type Problems } from './form-check';

/** a channel form as typed: text fields stay text until checked */
export interface ChannelDraft {
  kind: Channel;
  /** WhatsApp */
  phoneNumberId: string;
  wabaId: string;
  displayNumber: string;
  /** the channel's name: a WhatsApp number's label, or the Page's name */
  name: string;
  /** Messenger */
  pageId: string;
  /** write-only: empty keeps the stored token when editing */
  accessToken: string;
  /** who answers it; none means every agent of the workspace */
  assignedUserIds: string[];
  ringStrategy: RingStrategy;
  ringTimeoutSec: string;
  agentTimeoutSec: string;
  whenNobodyAvailable: WhenNobodyAvailableOption;
  /** `queue` only: how long a caller waits before voicemail */
  queueLimitSec: string;
  /** after-call work once an answered call ends, and its length when timed */
  wrapUp: WrapUpMode;
  wrapUpSec: string;
  /** recording and transcription by Meta (WhatsApp lines; set when editing) */
  mediaCapture: MediaCapture;
  mediaPurpose: string;
  mediaAnnouncementLanguage: string;
  mediaRetentionDays: string;
  /** where the call audio runs (WhatsApp lines; set when editing) */
  mediaMode: MediaModeOption;
  enabled: boolean;
}

// the server's defaults, shown so the admin sees what a new channel will do
const DEFAULT_RING_TIMEOUT_SEC = 45;
const DEFAULT_AGENT_TIMEOUT_SEC = 15;
const DEFAULT_WRAP_UP_SEC = 30;
const DEFAULT_MEDIA_RETENTION_DAYS = 90;

/** what a problem with each field means, in words an admin can act on */
export const CHANNEL_WORDS: Problems = lazyWords({
  phoneNumberId: 'problem.phoneNumberId',
  wabaId: 'problem.wabaId',
  displayNumber: 'problem.displayNumber',
  pageId: 'problem.pageId',
  name: 'problem.channelName',
  label: 'problem.channelName',
  accessToken: 'problem.accessToken',
  ringTimeoutSec: ['problem.ringTimeout', RING_TIMEOUT_BOUNDS],
  agentTimeoutSec: ['problem.agentTimeout', AGENT_TIMEOUT_BOUNDS],
  assignedUserIds: 'problem.assigned',
  wrapUpSec: ['problem.wrapUpSec', WRAP_UP_BOUNDS],
  queueLimitSec: ['problem.queueLimitSec', QUEUE_LIMIT_BOUNDS],
  mediaPurpose: 'problem.mediaPurpose',
  mediaAnnouncementLanguage: 'problem.mediaLanguage',
  mediaRetentionDays: ['problem.retention', MEDIA_RETENTION_BOUNDS],
});

/**
 * An empty form for a new channel, with the server's ring defaults filled in.
 *
 * @example
 * newChannelDraft('messenger').ringTimeoutSec; // '45'
 */
export function newChannelDraft(kind: Channel): ChannelDraft {
  return {
    kind,
    phoneNumberId: '',
    wabaId: '',
    displayNumber: '',
    name: '',
    pageId: '',
    accessToken: '',
    assignedUserIds: [],
    ringStrategy: 'all',
    ringTimeoutSec: String(DEFAULT_RING_TIMEOUT_SEC),
    agentTimeoutSec: String(DEFAULT_AGENT_TIMEOUT_SEC),
    whenNobodyAvailable: 'keep-ringing',
    queueLimitSec: String(DEFAULT_QUEUE_LIMIT_SEC),
    wrapUp: 'off',
    wrapUpSec: String(DEFAULT_WRAP_UP_SEC),
    mediaCapture: 'off',
    mediaPurpose: '',
    mediaAnnouncementLanguage: 'en_US',
    mediaRetentionDays: String(DEFAULT_MEDIA_RETENTION_DAYS),
    mediaMode: 'direct',
    enabled: true,
  };
}

/**
 * The edit form for a channel as the server has it (the token field starts empty).
 *
 * @example
 * channelDraft(view).name; // 'Acme Support'
 */
export function channelDraft(view: AdminChannelView): ChannelDraft {
  return {
    kind: view.channel,
    phoneNumberId: view.phoneNumberId ?? '',
    wabaId: view.wabaId ?? '',
    displayNumber: view.displayNumber ?? '',
    name: view.label,
    pageId: view.pageId ?? '',
    accessToken: '',
    assignedUserIds: [...view.assignedUserIds],
    ringStrategy: view.ringStrategy,
    ringTimeoutSec: String(view.ringTimeoutSec),
    agentTimeoutSec: String(view.agentTimeoutSec),
    whenNobodyAvailable: view.whenNobodyAvailable,
    queueLimitSec: String(view.queueLimitSec ?? DEFAULT_QUEUE_LIMIT_SEC),
    wrapUp: view.wrapUp,
    wrapUpSec: String(view.wrapUpSec),
    mediaCapture: view.mediaCapture ?? 'off',
    mediaPurpose: view.mediaPurpose ?? '',
    mediaAnnouncementLanguage: view.mediaAnnouncementLanguage ?? 'en_US',
    mediaRetentionDays: String(view.mediaRetentionDays ?? DEFAULT_MEDIA_RETENTION_DAYS),
    mediaMode: view.mediaMode ?? 'direct',
    enabled: view.enabled,
  };
}

/**
 * Checks a new channel's form and builds `POST /api/admin/channels`.
 *
 * @example
 * createChannelBody({ ...newChannelDraft('messenger'), pageId: '106378625516309', name: 'Acme', accessToken });
 * // { ok: true, body: { channel: 'messenger', pageId: '106378625516309', name: 'Acme', accessToken, … } }
 */
export function createChannelBody(draft: ChannelDraft): FormCheck<AdminChannelCreateBody> {
  const ring = ringFields(draft);
  const common = {
    accessToken: draft.accessToken.trim(),
    assignedUserIds: draft.assignedUserIds,
    ringStrategy: draft.ringStrategy,
    ...ring,
  };
  const body =
    draft.kind === 'whatsapp'
      ? {
          channel: 'whatsapp' as const,
          phoneNumberId: draft.phoneNumberId.trim(),
          wabaId: draft.wabaId.trim(),
          displayNumber: e164(draft.displayNumber),
          ...(draft.name.trim() ? { label: draft.name.trim() } : {}),
          ...common,
        }
      : {
          channel: 'messenger' as const,
          pageId: draft.pageId.trim(),
          name: draft.name.trim(),
          ...common,
        };
  return checkWith(adminChannelCreateBodySchema.safeParse(body), CHANNEL_WORDS);
}

/**
 * Checks an edited channel's form against what the server has and builds
 * `PATCH /api/admin/channels/:id` with only what changed (a token only when one was typed).
 *
 * @example
 * updateChannelBody(view, { ...channelDraft(view), ringTimeoutSec: '30' });
 * // { ok: true, body: { ringTimeoutSec: 30 } }
 */
export function updateChannelBody(
  view: AdminChannelView,
  draft: ChannelDraft,
): FormCheck<AdminChannelUpdateBody> {
  const ring = ringFields(draft);
  const name = draft.name.trim();
  const number = view.channel === 'whatsapp' ? e164(draft.displayNumber) : undefined;
  const token = draft.accessToken.trim();
  const body = defined({
    label: name !== view.label ? name : undefined,
    displayNumber:
      number !== undefined && number !== (view.displayNumber ?? '') ? number : undefined,
    accessToken: token !== '' ? token : undefined,
    ringStrategy: draft.ringStrategy !== view.ringStrategy ? draft.ringStrategy : undefined,
    assignedUserIds: sameMembers(draft.assignedUserIds, view.assignedUserIds)
      ? undefined
      : draft.assignedUserIds,
    ringTimeoutSec: ring.ringTimeoutSec !== view.ringTimeoutSec ? ring.ringTimeoutSec : undefined,
    agentTimeoutSec:
      ring.agentTimeoutSec !== view.agentTimeoutSec ? ring.agentTimeoutSec : undefined,
    whenNobodyAvailable:
      draft.whenNobodyAvailable !== view.whenNobodyAvailable
        ? draft.whenNobodyAvailable
        : undefined,
    wrapUp: draft.wrapUp !== view.wrapUp ? draft.wrapUp : undefined,
    wrapUpSec: ring.wrapUpSec !== view.wrapUpSec ? ring.wrapUpSec : undefined,
    queueLimitSec:
      ring.queueLimitSec !== (view.queueLimitSec ?? DEFAULT_QUEUE_LIMIT_SEC)
        ? ring.queueLimitSec
        : undefined,
    ...(view.channel === 'whatsapp' ? mediaChanges(view, draft) : {}),
    enabled: draft.enabled !== view.enabled ? draft.enabled : undefined,
  });
  if (Object.keys(body).length === 0)
    return { ok: false, problems: { form: t('problem.nothingChanged') } };
  return checkWith(adminChannelUpdateBodySchema.safeParse(body), CHANNEL_WORDS);
}

function ringFields(draft: ChannelDraft) {
  // the per-agent timeout only matters when agents are rung one at a time
  const agentTimeout =
    draft.ringStrategy === 'longest-idle' ? wholeNumber(draft.agentTimeoutSec) : undefined;
  return defined({
    ringTimeoutSec: wholeNumber(draft.ringTimeoutSec),
    agentTimeoutSec: agentTimeout,
    whenNobodyAvailable: draft.whenNobodyAvailable,
    wrapUp: draft.wrapUp,
    // the length only matters when after-call work is timed
    wrapUpSec: draft.wrapUp === 'timed' ? wholeNumber(draft.wrapUpSec) : undefined,
    // and the queue's limit only when callers are queued
    queueLimitSec:
      draft.whenNobodyAvailable === 'queue' ? wholeNumber(draft.queueLimitSec) : undefined,
  });
}

/**
 * the recording settings and the audio path that changed (an emptied purpose is left as it was)
 */
function mediaChanges(view: AdminChannelView, draft: ChannelDraft) {
  const purpose = draft.mediaPurpose.trim();
  const language = draft.mediaAnnouncementLanguage.trim();
  const days = wholeNumber(draft.mediaRetentionDays);
  return {
    mediaCapture:
      draft.mediaCapture !== (view.mediaCapture ?? 'off') ? draft.mediaCapture : undefined,
    mediaPurpose: purpose !== '' && purpose !== (view.mediaPurpose ?? '') ? purpose : undefined,
    mediaAnnouncementLanguage:
      language !== (view.mediaAnnouncementLanguage ?? 'en_US') ||
      (view.mediaAnnouncementLanguage == null && draft.mediaCapture !== 'off')
        ? language
        : undefined,
    mediaRetentionDays:
      days !== (view.mediaRetentionDays ?? DEFAULT_MEDIA_RETENTION_DAYS) ? days : undefined,
    mediaMode: draft.mediaMode !== (view.mediaMode ?? 'direct') ? draft.mediaMode : undefined,
  };
}

// people type numbers with spaces and dashes; meta's form lacks the plus
function e164(typed: string): string {
  const trimmed = typed.trim();
  return trimmed === '' ? '' : (toE164(trimmed) ?? trimmed);
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}
