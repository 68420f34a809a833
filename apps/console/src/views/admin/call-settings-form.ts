import {
  formatIssuePath,
  waCallingSettingsWriteSchema,
  WEEKDAYS,
  type WaCallingSettings,
} from '@ringside/contracts';
import type { Problems } from './form-check';

export { WEEKDAYS };
export type Weekday = (typeof WEEKDAYS)[number];

/** one opening range as the form holds it: "09:00" (an `<input type="time">` value) */
export interface FormRange {
  open: string;
  close: string;
}
export interface FormHoliday {
  date: string;
  start: string;
  end: string;
}

/** a WhatsApp number's call settings as the editor holds them */
export interface WaSettingsForm {
  enabled: boolean;
  iconVisibility: 'DEFAULT' | 'DISABLE_ALL';
  /** comma-separated country codes; empty: the icon shows in every country */
  countries: string;
  callback: boolean;
  hoursEnabled: boolean;
  timezone: string;
  week: Record<Weekday, FormRange[]>;
  holidays: FormHoliday[];
}

const clock = (meta: string) => `${meta.slice(0, 2)}:${meta.slice(2, 4)}`;
const meta = (time: string) => time.replace(':', '');

/**
 * The editor's state from what Meta reads back.
 *
 * @example
 * formFromSettings({ status: 'ENABLED' }).enabled; // true
 */
export function formFromSettings(calling: WaCallingSettings, defaultZone = 'UTC'): WaSettingsForm {
  const hours = calling.call_hours;
  const week = Object.fromEntries(WEEKDAYS.map((day) => [day, [] as FormRange[]])) as Record<
    Weekday,
    FormRange[]
  >;
  for (const range of hours?.weekly_operating_hours ?? []) {
    week[range.day_of_week].push({ open: clock(range.open_time), close: clock(range.close_time) });
  }
  return {
    enabled: calling.status !== 'DISABLED',
    iconVisibility: calling.call_icon_visibility ?? 'DEFAULT',
    countries: (calling.call_icons?.restrict_to_user_countries ?? []).join(', '),
    callback: calling.callback_permission_status === 'ENABLED',
    hoursEnabled: hours?.status === 'ENABLED',
    timezone: hours?.timezone_id ?? defaultZone,
    week,
    holidays: (hours?.holiday_schedule ?? []).map((h) => ({
      date: h.date,
      start: clock(h.start_time),
      end: clock(h.end_time),
    })),
  };
}

/**
 * The `calling` object to write. Call hours are always sent whole: Meta deletes the holidays
 * of a write that leaves `holiday_schedule` out, so an empty list is sent instead.
 *
 * @example
 * settingsFromForm(form).call_hours?.weekly_operating_hours; // [{ day_of_week: 'MONDAY', open_time: '0900', close_time: '1700' }]
 */
export function settingsFromForm(form: WaSettingsForm): WaCallingSettings {
  const countries = form.countries
    .split(/[\s,]+/)
    .map((code) => code.trim())
    .filter((code) => code !== '');
  return {
    status: form.enabled ? 'ENABLED' : 'DISABLED',
    call_icon_visibility: form.iconVisibility,
    call_icons: { restrict_to_user_countries: countries },
    callback_permission_status: form.callback ? 'ENABLED' : 'DISABLED',
    call_hours: {
      status: form.hoursEnabled ? 'ENABLED' : 'DISABLED',
      timezone_id: form.timezone,
      weekly_operating_hours: rangeSlots(form).map(({ day, range }) => ({
        day_of_week: day,
        open_time: meta(range.open),
        close_time: meta(range.close),
      })),
      holiday_schedule: form.holidays.map((h) => ({
        date: h.date,
        start_time: meta(h.start),
        end_time: meta(h.end),
      })),
    },
  };
}

/** the form's ranges in the order they are sent: day by day, each day's in order */
function rangeSlots(form: WaSettingsForm): { day: Weekday; index: number; range: FormRange }[] {
  return WEEKDAYS.flatMap((day) => form.week[day].map((range, index) => ({ day, index, range })));
}

/** the form key of one weekly range's problem: `range.MONDAY.1` */
export const rangeKey = (day: Weekday, index: number) => `range.${day}.${index}`;
/** the form key of one holiday's problem: `holiday.0` */
export const holidayKey = (index: number) => `holiday.${index}`;

const TOP: Readonly<Record<string, string>> = {
  'calling.status': 'enabled',
  'calling.call_icon_visibility': 'iconVisibility',
  'calling.call_icons': 'countries',
  'calling.callback_permission_status': 'callback',
  'calling.call_hours.status': 'hoursEnabled',
  'calling.call_hours.timezone_id': 'timezone',
  'calling.call_hours.weekly_operating_hours': 'week',
  'calling.call_hours.holiday_schedule': 'holidays',
};

/**
 * Places issues (ours or Meta's: `calling.call_hours.weekly_operating_hours[2].open_time`) on the
 * editor's fields; what names no field goes to `form`.
 *
 * @example
 * problemsFrom([{ path: 'calling.call_hours.timezone_id', message: 'unknown' }], form); // { timezone: 'unknown' }
 */
export function problemsFrom(
  issues: readonly { path: string; message: string }[],
  form: WaSettingsForm,
): Problems {
  const slots = rangeSlots(form);
  const problems: Problems = {};
  for (const issue of issues) {
    const ranged = /^calling\.call_hours\.weekly_operating_hours\[(\d+)\]/.exec(issue.path);
    const holiday = /^calling\.call_hours\.holiday_schedule\[(\d+)\]/.exec(issue.path);
    const slot = ranged ? slots[Number(ranged[1])] : undefined;
    const top = Object.keys(TOP).find(
      (p) => issue.path === p || issue.path.startsWith(`${p}.`) || issue.path.startsWith(`${p}[`),
    );
    const key = slot
      ? rangeKey(slot.day, slot.index)
      : holiday
        ? holidayKey(Number(holiday[1]))
        : top
          ? (TOP[top] ?? 'form')
          : 'form';
    problems[key] ??= issue.message;
  }
  return problems;
}

/**
 * Checks the form as Meta will (the contracts' write schema at `now`): the body to send, or the
 * problems by field.
 *
 * @example
 * const checked = checkSettingsForm(form, new Date());
 * if (checked.ok) await api.saveCallSettings(id, { channel: 'whatsapp', calling: checked.calling });
 */
export function checkSettingsForm(
  form: WaSettingsForm,
  now: Date,
): { ok: true; calling: WaCallingSettings } | { ok: false; problems: Problems } {
  const calling = settingsFromForm(form);
  const parsed = waCallingSettingsWriteSchema(now).safeParse(calling);
  if (parsed.success) return { ok: true, calling: parsed.data };
  const issues = parsed.error.issues.map((issue) => ({
    path: formatIssuePath(['calling', ...issue.path]),
    message: issue.message,
  }));
  return { ok: false, problems: problemsFrom(issues, form) };
}

/**
 * The time zones to offer: the runtime's list, with the current one first kept when the list
 * lacks it (`UTC` is missing from some).
 */
export function timeZones(current: string): string[] {
  const known = Intl.supportedValuesOf('timeZone');
  const all = known.includes('UTC') ? known : ['UTC', ...known];
  return all.includes(current) ? all : [current, ...all];
}
