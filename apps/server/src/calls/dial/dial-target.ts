import { isBsuid, toE164, type Channel } from '@ringside/contracts';

/** Who an outbound call goes to, in Meta's form and as people read it. */
export interface DialTarget {
  /**
   * what Meta's `to` takes: WhatsApp digits without the plus, or a Messenger PSID; or a WhatsApp
   * business-scoped user id, which Meta takes as `recipient` (*Business-scoped user IDs*)
   */
  readonly id: string;
  /** how agents read it: `+447700900123`, or the PSID */
  readonly shown: string;
}

// page-scoped ids are long decimal numbers; fewer than 6 digits is a typo, not a person
const PSID = /^\d{6,20}$/;

/**
 * Reads the `to` of `call:dial` for a channel: an international phone number for WhatsApp
 * (`+44 7700 900123`, `447700900123`; spaces, dashes and brackets allowed), a PSID (digits) for
 * Messenger. A refusal says what was wrong in words an agent can act on.
 *
 * @example
 * readDialTarget('whatsapp', '+44 7700 900123'); // { ok: true, target: { id: '447700900123', shown: '+447700900123' } }
 * readDialTarget('messenger', 'Rahul').ok; // false
 */
export function readDialTarget(
  channel: Channel,
  to: string,
): { ok: true; target: DialTarget } | { ok: false; message: string } {
  const typed = to.trim();
  if (channel === 'whatsapp') {
    // a customer known by username only: Meta sent no number, the BSUID reaches them
    if (isBsuid(typed)) return { ok: true, target: { id: typed, shown: typed } };
    const number = toE164(typed);
    if (!number) {
      return {
        ok: false,
        message: `“${clip(typed)}” is not a phone number. Type it in international form, e.g. +44 7700 900123.`,
      };
    }
    return { ok: true, target: { id: number.slice(1), shown: number } };
  }
  if (!PSID.test(typed)) {
    return {
      ok: false,
      message: `“${clip(typed)}” is not a Messenger user id (PSID): it is a long number, e.g. 5275811702471834.`,
    };
  }
  return { ok: true, target: { id: typed, shown: typed } };
}

// the refusal repeats what was typed, but never a page of it
function clip(text: string): string {
  return text.length > 32 ? `${text.slice(0, 32)}…` : text;
}
