import type { SimConfig } from '../engine/config';

// a WABA and a Page no configured token belongs to: where a token "lacking its target" points
const OTHER_WABA = '100000000000099';
const OTHER_PAGE = '100000000000098';
// when the simulated tokens were issued: 1 December 2026, 00:00 UTC
const ISSUED_AT = 1_795_996_800;

/**
 * What `debug_token` says about `input` (Graph API _Debug-Token_ fields: `app_id`, `type`,
 * `application`, `expires_at` (0: never), `is_valid`, `issued_at`, `scopes`,
 * `granular_scopes[{scope, target_ids}]`, `user_id`; a Page token also `profile_id`). A number's
 * token is a system user's with the two WhatsApp permissions on its WABA; a Page's token is a
 * Page token with `pages_messaging`. An unknown or expired token answers 200 with
 * `is_valid: false` and the error inside `data` (inferred: field reports, Meta's page shows no
 * invalid sample).
 *
 * @example
 * inspectToken(config, 'sim-demo-token-whatsapp').granular_scopes;
 * // [{ scope: 'whatsapp_business_management', target_ids: ['114255454940862'] }, …]
 */
export function inspectToken(config: SimConfig, input: string): Record<string, unknown> {
  const { setup } = config;
  const numbers = config.numbers.filter((n) => n.accessToken === input);
  const page = config.pages.find((p) => p.accessToken === input);
  if (numbers.length === 0 && !page) {
    return {
      error: { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' },
      is_valid: false,
      scopes: [],
    };
  }
  const lacking = setup.tokensLackingTarget.includes(input);
  const base = {
    app_id: setup.appId,
    application: setup.appName,
    data_access_expires_at: 0,
    issued_at: ISSUED_AT,
    user_id: '1000000000000001',
  };
  const grant = (scopes: string[], targets: string[]) => ({
    scopes: [...scopes, 'public_profile'],
    granular_scopes: scopes.map((scope) => ({ scope, target_ids: targets })),
  });
  const body = page
    ? {
        ...base,
        type: 'PAGE',
        profile_id: page.pageId,
        ...grant(
          ['pages_messaging', 'pages_manage_metadata', 'pages_show_list'],
          [lacking ? OTHER_PAGE : page.pageId],
        ),
      }
    : {
        ...base,
        type: 'SYSTEM_USER',
        ...grant(
          ['whatsapp_business_management', 'whatsapp_business_messaging'],
          lacking ? [OTHER_WABA] : [...new Set(numbers.map((n) => n.wabaId))],
        ),
      };
  if (setup.expiredTokens.includes(input)) {
    return {
      ...body,
      expires_at: ISSUED_AT + 3600,
      is_valid: false,
      error: {
        code: 190,
        subcode: 463,
        message: 'Error validating access token: Session has expired.',
      },
    };
  }
  return { ...body, expires_at: 0, is_valid: true };
}
