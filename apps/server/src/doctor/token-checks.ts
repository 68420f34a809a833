import type { DoctorCheck } from '@ringside/contracts';
import type { DebugTokenReply } from '../graph/setup-graph';
import { couldNotRead, result, type DoctorChannel, type MetaAnswer } from './doctor-check';

/** what the token must reach: a number's WhatsApp Business Account, or a Page */
export type TokenTarget =
  { kind: 'whatsapp'; wabaId: string } | { kind: 'messenger'; pageId: string };

/** what the token checks found: their results, whether the token works, and its app */
export interface TokenFindings {
  checks: DoctorCheck[];
  /** false: the channel's other reads would only be refused the same way; skip them */
  usable: boolean;
  /** the Meta app the token belongs to (`debug_token`'s `app_id`) */
  appId: string | undefined;
}

// the permissions calling needs (Calling _Get started_: whatsapp_business_messaging for the
// number; the WABA's subscriptions need whatsapp_business_management; Messenger: pages_messaging)
const NEEDED_SCOPES = {
  whatsapp: ['whatsapp_business_messaging', 'whatsapp_business_management'],
  messenger: ['pages_messaging'],
} as const;

const WARN_DAYS = 7;
const DAY_MS = 86_400_000;

const NEW_TOKEN = {
  whatsapp:
    'Create a system user token in Meta Business Suite (Business settings → System users → ' +
    'Generate new token, expiry Never, with whatsapp_business_messaging and ' +
    'whatsapp_business_management), then enter it in Admin → Channels → Edit.',
  messenger:
    'Generate a new Page access token for this Page (with pages_messaging) and enter it in ' +
    'Admin → Channels → Edit.',
} as const;

/**
 * The token checks, from what `debug_token` says about the channel's own token: valid, not about
 * to expire (`token`), and holding calling's permissions for this very WABA or Page
 * (`token-target`, from `granular_scopes[].target_ids`; a scope without target ids covers every
 * asset: inferred, Meta's page does not say).
 *
 * @example
 * const found = tokenChecks(channel, await ask(() => graph.setup.debugToken(creds)), { kind: 'whatsapp', wabaId }, new Date());
 * if (!found.usable) return found.checks;
 */
export function tokenChecks(
  channel: DoctorChannel,
  answer: MetaAnswer<DebugTokenReply>,
  target: TokenTarget,
  now: Date,
): TokenFindings {
  const fix = NEW_TOKEN[target.kind];
  if (!answer.ok) {
    const { refusal } = answer;
    if (refusal.code === 190) {
      const message =
        refusal.subcode === 463
          ? 'Meta refuses this channel’s access token: it has expired. No call can be answered or placed with it.'
          : 'Meta refuses this channel’s access token: it is invalid or was revoked. No call can be answered or placed with it.';
      return {
        checks: [result('token', 'fail', channel, message, fix)],
        usable: false,
        appId: undefined,
      };
    }
    if (refusal.retryable) {
      return {
        checks: [
          result(
            'token',
            'fail',
            channel,
            couldNotRead('what this channel’s access token may do', refusal),
            retryFix(true),
          ),
        ],
        usable: false,
        appId: undefined,
      };
    }
    // meta may keep debug_token for app tokens: the token itself is still tried by the other reads
    return {
      checks: [
        result(
          'token',
          'warn',
          channel,
          `${couldNotRead('what this channel’s access token may do', refusal)} The other checks still use the token.`,
          retryFix(false),
        ),
      ],
      usable: true,
      appId: undefined,
    };
  }
  const info = answer.value;
  if (info.is_valid !== true) {
    const expired = info.error?.subcode === 463;
    return {
      checks: [
        result(
          'token',
          'fail',
          channel,
          expired
            ? 'Meta says this channel’s access token has expired.'
            : 'Meta says this channel’s access token is not valid.',
          fix,
        ),
      ],
      usable: false,
      appId: info.app_id,
    };
  }
  return {
    checks: [expiryCheck(channel, info, now, fix), targetCheck(channel, info, target, fix)],
    usable: true,
    appId: info.app_id,
  };
}

function expiryCheck(
  channel: DoctorChannel,
  info: DebugTokenReply,
  now: Date,
  fix: string,
): DoctorCheck {
  const expiresAt = info.expires_at ?? 0;
  if (expiresAt === 0) {
    return result(
      'token',
      'ok',
      channel,
      'Meta accepts this channel’s access token; it does not expire.',
    );
  }
  const when = new Date(expiresAt * 1000);
  const day = when.toISOString().slice(0, 10);
  if (when.getTime() - now.getTime() < WARN_DAYS * DAY_MS) {
    return result(
      'token',
      'warn',
      channel,
      `This channel’s access token expires on ${day}; calls stop working then.`,
      fix,
    );
  }
  return result(
    'token',
    'ok',
    channel,
    `Meta accepts this channel’s access token (it expires on ${day}).`,
  );
}

function targetCheck(
  channel: DoctorChannel,
  info: DebugTokenReply,
  target: TokenTarget,
  fix: string,
): DoctorCheck {
  const scopes = info.scopes ?? [];
  const missing = NEEDED_SCOPES[target.kind].filter((scope) => !scopes.includes(scope));
  if (missing.length > 0) {
    return result(
      'token-target',
      'fail',
      channel,
      `This channel’s access token lacks the permission${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`,
      fix,
    );
  }
  const targetId = target.kind === 'whatsapp' ? target.wabaId : target.pageId;
  const where =
    target.kind === 'whatsapp'
      ? `this number’s WhatsApp Business Account (${target.wabaId})`
      : `this Page (${target.pageId})`;
  const pageMismatch =
    target.kind === 'messenger' && info.profile_id !== undefined && info.profile_id !== targetId;
  const notGranted = NEEDED_SCOPES[target.kind].filter((scope) => {
    const granular = info.granular_scopes?.find((g) => g.scope === scope);
    return granular?.target_ids !== undefined && !granular.target_ids.includes(targetId);
  });
  if (pageMismatch || notGranted.length > 0) {
    return result(
      'token-target',
      'fail',
      channel,
      `This channel’s access token is not allowed for ${where}${notGranted.length > 0 ? ` (${notGranted.join(', ')})` : ''}.`,
      target.kind === 'whatsapp'
        ? 'In Meta Business Suite, give the system user access to this WhatsApp account (Business settings → System users → Assign assets), then generate a new token and enter it in Admin → Channels → Edit.'
        : 'Use a Page access token for this very Page (Admin → Channels → Edit).',
    );
  }
  return result('token-target', 'ok', channel, `The access token may act for ${where}.`);
}

function retryFix(retryable: boolean): string {
  return retryable
    ? 'Meta did not answer: check this server’s connection to graph.facebook.com and run the checks again.'
    : 'Run the checks again; if it stays, look the error code up in Meta’s Graph API error reference.';
}
