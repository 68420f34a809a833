import type { DoctorCheckId, DoctorStatus } from '@ringside/contracts';

/**
 * Every string the Checks section shows, in one place (to move into the i18n catalogs). The
 * checks' own messages and fixes come from the server, in its words.
 */
export const DOCTOR_WORDS = {
  title: 'Checks',
  intro:
    'Asks Meta about each channel of this workspace and checks this installation: the token, ' +
    'webhook subscriptions, calling, the messaging limit, where a Page’s calls ring, the public ' +
    'address and TURN. Nothing is changed.',
  run: 'Run checks',
  running: 'Checking with Meta…',
  notRun: 'The checks have not been run yet.',
  couldNotRun: 'The checks could not run:',
  installation: 'This installation',
  fix: 'How to fix:',
  callsCanFlow: 'Calls can flow.',
  callsCannotFlow: 'Calls cannot flow until the failed checks are fixed.',
  status: { ok: 'OK', warn: 'Warning', fail: 'Failed' } satisfies Record<DoctorStatus, string>,
  kind: { whatsapp: 'WhatsApp', messenger: 'Messenger' },
  check: {
    token: 'Access token',
    'token-target': 'Token allowed for this number or Page',
    'webhook-subscription': 'App subscribed to webhooks',
    'webhook-fields': 'Webhook fields',
    'calling-enabled': 'Calling on',
    'messaging-limit': 'Messaging limit',
    'ring-target': 'Where calls ring',
    'public-origin': 'Public address (https)',
    turn: 'TURN server',
    'webhook-reachable': 'Webhook URL answers Meta',
  } satisfies Record<DoctorCheckId, string>,
  /** "2 failed, 1 warning, 14 checks — checked 10:04:12" */
  tally: (failed: number, warned: number, total: number, at: string) =>
    `${failed} failed, ${warned} ${warned === 1 ? 'warning' : 'warnings'}, ${total} checks — checked ${at}`,
  /** the list's accessible name for one group */
  groupList: (group: string) => `${group}: check results`,
} as const;
