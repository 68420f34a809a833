import { t } from '../i18n/i18n';
import { isBsuid, type Channel } from '@ringside/contracts';

/** whom to call, as `call:dial` takes it, or what is wrong with what was typed */
export type DialTarget = { ok: true; to: string } | { ok: false; message: string };

// the same rule as the contracts' e164Schema: a plus, no leading zero, 7 to 15 digits
const E164 = /^\+[1-9]\d{6,14}$/;
// what people type between digits: spaces (also non-breaking), dashes, dots, brackets
const SEPARATORS = /[\s\u00a0\-.()/]/g;
const PSID = /^\d{5,32}$/;

/**
 * Reads what the agent typed into the New call field: a phone number with its country code on
 * WhatsApp (spaces, dashes and brackets allowed, `00` read as `+`), a page-scoped user id
 * (digits) on Messenger. A refusal says how to fix it.
 *
 * @example
 * readDialTarget('whatsapp', '+44 7700 900123'); // { ok: true, to: '+447700900123' }
 * readDialTarget('whatsapp', '07700 900123').ok; // false: no country code
 * readDialTarget('messenger', ' 6124509938127745 '); // { ok: true, to: '6124509938127745' }
 * readDialTarget('whatsapp', 'US.13491208655302741918'); // { ok: true, to: 'US.13491208655302741918' }
 */
export function readDialTarget(channel: Channel, input: string): DialTarget {
  const typed = input.trim();
  // a customer known by username only, called back by the business-scoped id Meta sent
  if (channel === 'whatsapp' && isBsuid(typed)) return { ok: true, to: typed };
  if (channel === 'messenger') {
    if (typed === '') return { ok: false, message: t('dialTarget.noPsid') };
    if (!PSID.test(typed)) {
      return {
        ok: false,
        message: t('dialTarget.badPsid'),
      };
    }
    return { ok: true, to: typed };
  }
  if (typed === '') return { ok: false, message: t('dialTarget.noNumber') };
  const compact = typed.replace(SEPARATORS, '');
  const number = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  if (!number.startsWith('+')) {
    return {
      ok: false,
      message: t('dialTarget.noPlus'),
    };
  }
  if (!/^\+\d+$/.test(number)) {
    return { ok: false, message: t('dialTarget.digitsOnly') };
  }
  if (!E164.test(number)) {
    return {
      ok: false,
      message: t('dialTarget.incomplete', { typed }),
    };
  }
  return { ok: true, to: number };
}
