import { lazyWords, t } from '../../i18n/i18n';
import type { AuditEntryView, AuditValue } from '@ringside/contracts';

// each known action in words; an action added without words here shows its raw name, tidied
const ACTIONS: Record<string, string> = lazyWords({
  'user.create': 'audit.userCreate',
  'user.update': 'audit.userUpdate',
  'user.deactivate': 'audit.userDeactivate',
  'user.reactivate': 'audit.userReactivate',
  'user.reset-password': 'audit.userResetPassword',
  'channel.create': 'audit.channelCreate',
  'channel.update': 'audit.channelUpdate',
  'channel.disable': 'audit.channelDisable',
  'webhook.create': 'audit.webhookCreate',
  'webhook.update': 'audit.webhookUpdate',
  'webhook.delete': 'audit.webhookDelete',
  'webhook.test': 'audit.webhookTest',
  'meta-webhook.set-app-secret': 'audit.setAppSecret',
  'meta-webhook.clear-app-secret': 'audit.clearAppSecret',
  'workspace.rename': 'audit.workspaceRename',
  'call.end': 'audit.callEnd',
  'call.recording.play': 'audit.recordingPlay',
  'call.recording.download': 'audit.recordingDownload',
  'call.transcript.view': 'audit.transcriptView',
  'agent.set-away': 'audit.setAway',
  'meta-event.retry': 'audit.eventRetry',
});

const SECRET_NAMES: Record<string, string> = lazyWords({
  accessToken: 'audit.secret.accessToken',
  secret: 'audit.secret.secret',
  appSecret: 'audit.secret.appSecret',
  password: 'audit.secret.password',
});

/**
 * An audit action in words; one this console does not know reads `Area: verb`.
 *
 * @example
 * auditActionWords('channel.disable'); // 'Disabled a channel'
 * auditActionWords('report.export'); // 'Report: export'
 */
export function auditActionWords(action: string): string {
  const known = ACTIONS[action];
  if (known) return known;
  const [area = action, ...rest] = action.split('.');
  const head = area.charAt(0).toUpperCase() + area.slice(1);
  return rest.length > 0 ? `${head}: ${rest.join(' ').replace(/[-_]/g, ' ')}` : head;
}

/**
 * The new values an entry records, as `field: value` pairs; user ids in lists read as names
 * when `names` knows them.
 *
 * @example
 * auditChangesWords({ role: 'supervisor', assignedUserIds: ['u1'] }, new Map([['u1', 'Asha']]));
 * // 'role: supervisor · assignedUserIds: Asha'
 */
export function auditChangesWords(
  changes: AuditEntryView['changes'],
  names: ReadonlyMap<string, string> = new Map(),
): string {
  return Object.entries(changes)
    .map(([field, value]) => `${field}: ${valueWords(field, value, names)}`)
    .join(' · ');
}

/**
 * Which secrets an entry set or replaced; their values are never recorded.
 *
 * @example
 * auditSecretsWords(['accessToken']); // 'New access token (not recorded)'
 * auditSecretsWords([]); // ''
 */
export function auditSecretsWords(secrets: readonly string[]): string {
  if (secrets.length === 0) return '';
  const named = secrets.map((s) => SECRET_NAMES[s] ?? s).join(', ');
  return t('audit.newSecrets', { named });
}

function valueWords(field: string, value: AuditValue, names: ReadonlyMap<string, string>): string {
  if (value === null) return t('audit.none');
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return field === 'assignedUserIds' ? t('audit.everyAgent') : t('audit.none');
    }
    return value.map((v) => (/Ids$/.test(field) ? (names.get(v) ?? v) : v)).join(', ');
  }
  return String(value);
}
