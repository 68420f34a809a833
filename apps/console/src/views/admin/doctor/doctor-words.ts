import type { DoctorCheckId, DoctorStatus } from '@ringside/contracts';
import { lazyWords, t } from '../../../i18n/i18n';

/**
 * Every string the Checks section shows, in the user's language (read when shown, so a switch
 * of language follows). The checks' own messages and fixes come from the server, in its words.
 */
export const DOCTOR_WORDS = {
  ...lazyWords({
    intro: 'doctor.intro',
    run: 'doctor.run',
    running: 'doctor.running',
    notRun: 'doctor.notRun',
    couldNotRun: 'doctor.couldNotRun',
    installation: 'doctor.installation',
    fix: 'doctor.fix',
    callsCanFlow: 'doctor.callsCanFlow',
    callsCannotFlow: 'doctor.callsCannotFlow',
  }),
  status: lazyWords<DoctorStatus>({
    ok: 'doctor.status.ok',
    warn: 'doctor.status.warn',
    fail: 'doctor.status.fail',
  }),
  // brand names: the same in every language
  kind: { whatsapp: 'WhatsApp', messenger: 'Messenger' },
  check: lazyWords<DoctorCheckId>({
    token: 'doctor.check.token',
    'token-target': 'doctor.check.tokenTarget',
    'webhook-subscription': 'doctor.check.webhookSubscription',
    'webhook-fields': 'doctor.check.webhookFields',
    'calling-enabled': 'doctor.check.callingEnabled',
    'messaging-limit': 'doctor.check.messagingLimit',
    'ring-target': 'doctor.check.ringTarget',
    'public-origin': 'doctor.check.publicOrigin',
    turn: 'doctor.check.turn',
    'webhook-reachable': 'doctor.check.webhookReachable',
  }),
  /** "2 failed, 1 warning, 14 checks — checked 10:04:12" */
  tally: (failed: number, warned: number, total: number, at: string) =>
    t('doctor.tally', { failed, warned, total, at }),
  /** the list's accessible name for one group */
  groupList: (group: string) => t('doctor.groupList', { group }),
};
