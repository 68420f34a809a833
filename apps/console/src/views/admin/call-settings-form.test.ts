import { describe, expect, it } from 'vitest';
import {
  checkSettingsForm,
  formFromSettings,
  problemsFrom,
  settingsFromForm,
  type WaSettingsForm,
} from './call-settings-form';

const NOW = new Date('2026-12-07T10:00:00Z');
const calling = {
  status: 'ENABLED' as const,
  call_icon_visibility: 'DEFAULT' as const,
  call_icons: { restrict_to_user_countries: ['IN', 'BR'] },
  callback_permission_status: 'ENABLED' as const,
  call_hours: {
    status: 'ENABLED' as const,
    timezone_id: 'Asia/Kolkata',
    weekly_operating_hours: [
      { day_of_week: 'MONDAY' as const, open_time: '0900', close_time: '1300' },
      { day_of_week: 'MONDAY' as const, open_time: '1400', close_time: '1730' },
      { day_of_week: 'FRIDAY' as const, open_time: '1000', close_time: '1600' },
    ],
    holiday_schedule: [{ date: '2027-01-26', start_time: '0000', end_time: '2359' }],
  },
};

describe('call settings form', () => {
  it('round-trips Meta’s settings through the form', () => {
    const form = formFromSettings(calling);
    expect(form.week.MONDAY).toEqual([
      { open: '09:00', close: '13:00' },
      { open: '14:00', close: '17:30' },
    ]);
    expect(form.countries).toBe('IN, BR');
    expect(settingsFromForm(form)).toEqual(calling);
  });

  it('always sends the holidays, empty when there are none (leaving them out deletes them)', () => {
    const form = formFromSettings({ status: 'ENABLED' }, 'Europe/Lisbon');
    expect(settingsFromForm(form).call_hours).toEqual({
      status: 'DISABLED',
      timezone_id: 'Europe/Lisbon',
      weekly_operating_hours: [],
      holiday_schedule: [],
    });
  });

  it('puts each problem next to its field: the overlapping range, the past holiday', () => {
    const form: WaSettingsForm = formFromSettings(calling);
    form.week.FRIDAY.push({ open: '15:00', close: '17:00' });
    form.holidays.push({ date: '2026-12-01', start: '00:00', end: '23:59' });
    const checked = checkSettingsForm(form, NOW);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.problems)).toEqual(['range.FRIDAY.1', 'holiday.1']);
    expect(checked.problems['range.FRIDAY.1']).toMatch(/overlaps 1000–1600 on FRIDAY/);
  });

  it('maps Meta’s paths to fields, and what names none to the form', () => {
    const form = formFromSettings(calling);
    expect(
      problemsFrom(
        [
          { path: 'calling.call_hours.timezone_id', message: 'unknown zone' },
          { path: 'calling.call_hours.weekly_operating_hours[2].close_time', message: 'late' },
          { path: 'calling.call_icons.restrict_to_user_countries[0]', message: 'bad code' },
          { path: 'calling', message: 'no' },
        ],
        form,
      ),
    ).toEqual({
      timezone: 'unknown zone',
      'range.FRIDAY.0': 'late',
      countries: 'bad code',
      form: 'no',
    });
  });
});
