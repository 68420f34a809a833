import {
  MESSENGER_RING_TARGET_WARNING,
  waCallingSettingsSchema,
  WHATSAPP_SETTINGS_CAVEAT,
  type AdminCallSettingsBody,
  type AdminCallSettingsView,
  type ReadableIssue,
  type WaCallingSettings,
} from '@ringside/contracts';
import { SecretBoxError } from '../db/secret-box';
import { GraphApiError } from '../graph/graph-api-error';
import type { GraphClient } from '../graph/graph-client';
import type { GraphCredentials } from '../graph/graph-credentials';
import { AppError } from '../http/app-error';
import type { Repos } from '../repos';
import type { ChannelListing } from '../repos/channel-rows';

type Deps = { repos: Repos; graph: GraphClient };

/**
 * A channel's call settings as Meta reads them now. WhatsApp: `GET /{phone-number-id}/settings`;
 * Messenger: `GET /{page-id}/messenger_call_settings`, with a warning when the Page's calls
 * ring in Meta's own apps. Meta's refusals become an {@link AppError} in plain words.
 *
 * @example
 * const view = await readCallSettings({ repos, graph }, channel); // { channel: 'whatsapp', calling, caveat }
 */
export async function readCallSettings(
  deps: Deps,
  channel: ChannelListing,
): Promise<AdminCallSettingsView> {
  const creds = await credentialsOf(deps.repos, channel);
  try {
    if (channel.kind === 'whatsapp') {
      const reply = await deps.graph.whatsapp.getSettings(creds);
      const calling = waCallingSettingsSchema.safeParse(reply.calling ?? {});
      if (!calling.success) {
        throw new AppError(
          'meta_error',
          502,
          'Meta’s calling settings for this number could not be read.',
        );
      }
      return { channel: 'whatsapp', calling: calling.data, caveat: WHATSAPP_SETTINGS_CAVEAT };
    }
    const page = await deps.graph.messenger.getCallSettings(creds);
    const ringTarget = page.call_routing?.ring_target ?? null;
    return {
      channel: 'messenger',
      iconEnabled: page.icon_enabled ?? null,
      ringTarget,
      ringTargetWarning:
        ringTarget !== null && ringTarget !== 'PARTNERS' ? MESSENGER_RING_TARGET_WARNING : null,
    };
  } catch (error) {
    throw refusal(error, 'read');
  }
}

/**
 * Writes an admin's (already validated) settings to Meta: WhatsApp with
 * `POST /{phone-number-id}/settings {calling}`, a Page with
 * `POST /{page-id}/messenger_call_settings {icon_enabled}`. Where Meta's refusal names fields
 * (`calling.call_hours.timezone_id: …`), it becomes a 400 `invalid_payload` with those issues;
 * otherwise a `meta_error` in plain words.
 *
 * @example
 * await writeCallSettings({ repos, graph }, channel, { channel: 'messenger', icon_enabled: false });
 */
export async function writeCallSettings(
  deps: Deps,
  channel: ChannelListing,
  body: AdminCallSettingsBody,
): Promise<void> {
  const creds = await credentialsOf(deps.repos, channel);
  try {
    if (body.channel === 'whatsapp') {
      const reply = await deps.graph.whatsapp.updateSettings(creds, body.calling);
      if (!reply.success) throw new AppError('meta_error', 502, 'Meta did not save the settings.');
      return;
    }
    const reply = await deps.graph.messenger.updateCallSettings(creds, {
      icon_enabled: body.icon_enabled,
    });
    if (reply.result !== 'success') {
      throw new AppError('meta_error', 502, 'Meta could not set the call icon; try again.');
    }
  } catch (error) {
    throw refusal(error, 'write');
  }
}

/** what the audit log keeps of a settings change: plain values only */
export function auditedSettings(body: AdminCallSettingsBody): Record<string, unknown> {
  if (body.channel === 'messenger') return { iconEnabled: body.icon_enabled };
  const c: WaCallingSettings = body.calling;
  const hours = c.call_hours;
  return {
    status: c.status,
    callIconVisibility: c.call_icon_visibility,
    restrictToUserCountries: c.call_icons?.restrict_to_user_countries,
    callbackPermissionStatus: c.callback_permission_status,
    callHoursStatus: hours?.status,
    timezoneId: hours?.timezone_id,
    weeklyOperatingHours: hours?.weekly_operating_hours?.map(
      (r) => `${r.day_of_week} ${r.open_time}-${r.close_time}`,
    ),
    holidays: hours?.holiday_schedule?.map((h) => `${h.date} ${h.start_time}-${h.end_time}`),
  };
}

/**
 * Meta's `error_data.details` split into the fields it names: "calling.<path>: <what>" (or
 * "icon_enabled: <what>") parts joined by "; ". Parts naming no field are left out.
 *
 * @example
 * fieldIssues('calling.call_hours.timezone_id: unknown zone'); // [{ path: 'calling.call_hours.timezone_id', message: 'unknown zone' }]
 */
export function fieldIssues(details: string | undefined): ReadableIssue[] {
  if (!details) return [];
  return details.split('; ').flatMap((part) => {
    const named = /^((?:calling(?:\.|\[)[^:\s]*)|calling|icon_enabled): (.+)$/s.exec(part.trim());
    return named?.[1] && named[2] ? [{ path: named[1], message: named[2] }] : [];
  });
}

function refusal(error: unknown, doing: 'read' | 'write'): unknown {
  if (!(error instanceof GraphApiError)) return error;
  const issues = fieldIssues(error.details);
  if (doing === 'write' && issues.length > 0) {
    return new AppError('invalid_payload', 400, 'Meta refused these settings.', { issues });
  }
  const what = doing === 'read' ? 'read the call settings' : 'save the call settings';
  const details = error.details ? ` (${error.details})` : '';
  return new AppError(
    'meta_error',
    error.retryable ? 502 : 422,
    `Meta would not ${what}: ${error.meaning}${details}`,
    { cause: error },
  );
}

async function credentialsOf(repos: Repos, channel: ChannelListing): Promise<GraphCredentials> {
  let creds: GraphCredentials | undefined;
  try {
    creds = await repos.channels.getChannelCredentials(channel.id);
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    throw new AppError(
      'invalid_state',
      409,
      'The stored token cannot be read (the server’s SECRETS_KEY changed). Enter the token again.',
    );
  }
  if (!creds) throw new AppError('invalid_state', 409, 'No access token is set for this channel.');
  return creds;
}
