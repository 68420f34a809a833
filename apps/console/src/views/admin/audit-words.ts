import type { AuditEntryView, AuditValue } from '@ringside/contracts';

const ACTIONS: Record<string, string> = {
  'user.create': 'Added a user',
  'user.update': 'Changed a user',
  'user.deactivate': 'Deactivated a user',
  'user.reactivate': 'Reactivated a user',
  'user.reset-password': 'Reset a password',
  'channel.create': 'Added a channel',
  'channel.update': 'Changed a channel',
  'channel.disable': 'Disabled a channel',
  'webhook.create': 'Added an outgoing webhook',
  'webhook.update': 'Changed an outgoing webhook',
  'webhook.delete': 'Deleted an outgoing webhook',
  'webhook.test': 'Sent a test event',
  'meta-webhook.set-app-secret': 'Set the Meta app secret',
  'meta-webhook.clear-app-secret': 'Went back to the server’s Meta app secret',
  'workspace.rename': 'Renamed the workspace',
  'call.end': 'Ended a call',
  'call.recording.play': 'Listened to a call recording',
  'call.recording.download': 'Downloaded a call recording',
  'call.transcript.view': 'Read a call transcript',
  'agent.set-away': 'Set an agent Away',
  'meta-event.retry': 'Retried a failed webhook event',
};

const SECRET_NAMES: Record<string, string> = {
  accessToken: 'access token',
  secret: 'webhook secret',
  appSecret: 'app secret',
  password: 'password',
};

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
  return `New ${named} (not recorded)`;
}

function valueWords(field: string, value: AuditValue, names: ReadonlyMap<string, string>): string {
  if (value === null) return 'none';
  if (Array.isArray(value)) {
    if (value.length === 0) return field === 'assignedUserIds' ? 'every agent' : 'none';
    return value.map((v) => (/Ids$/.test(field) ? (names.get(v) ?? v) : v)).join(', ');
  }
  return String(value);
}
