import type { WaCallingSettings } from '@ringside/contracts';
import { isOpenAt } from './call-hours';

/** what a number starts with: calling on, icon shown, SIP off */
export const DEFAULT_CALLING_SETTINGS: WaCallingSettings = {
  status: 'ENABLED',
  call_icon_visibility: 'DEFAULT',
  callback_permission_status: 'DISABLED',
  sip: { status: 'DISABLED' },
};

/**
 * The `calling` settings of each WhatsApp number. A POST merges field by field, except that
 * `call_hours` without `holiday_schedule` deletes the stored holidays, as Meta documents.
 *
 * @example
 * const book = new CallingSettingsBook();
 * book.update('1150…', { status: 'DISABLED' });
 * book.callingEnabled('1150…'); // false
 */
export class CallingSettingsBook {
  readonly #settings = new Map<string, WaCallingSettings>();

  get(phoneNumberId: string): WaCallingSettings {
    return structuredClone(this.#settings.get(phoneNumberId) ?? DEFAULT_CALLING_SETTINGS);
  }

  update(phoneNumberId: string, change: WaCallingSettings): WaCallingSettings {
    const next: WaCallingSettings = { ...this.get(phoneNumberId), ...structuredClone(change) };
    this.#settings.set(phoneNumberId, next);
    return this.get(phoneNumberId);
  }

  callingEnabled(phoneNumberId: string): boolean {
    return this.get(phoneNumberId).status !== 'DISABLED';
  }

  /** with SIP on, the Graph calling endpoints and webhooks are off for the number */
  sipEnabled(phoneNumberId: string): boolean {
    return this.get(phoneNumberId).sip?.status === 'ENABLED';
  }

  /** whether a user's call placed at `at` (epoch ms) reaches the business under its call hours */
  withinCallHours(phoneNumberId: string, at: number): boolean {
    return isOpenAt(this.get(phoneNumberId).call_hours, at);
  }

  callbackPermissionEnabled(phoneNumberId: string): boolean {
    return this.get(phoneNumberId).callback_permission_status === 'ENABLED';
  }
}
