import { useT } from '../../i18n/I18nProvider';
import { formatWeekday } from '../../i18n/formats';
import { MAX_HOLIDAYS, MAX_RANGES_PER_DAY } from '@ringside/contracts';
import { Button } from '../../ui/controls';
import {
  holidayKey,
  rangeKey,
  WEEKDAYS,
  type FormHoliday,
  type FormRange,
  type Weekday,
} from './call-settings-form';
import { TextField } from './fields';
import type { Problems } from './form-check';

// each day's name in the console's language (2024-01-01 was a Monday)
const dayName = (day: Weekday) => formatWeekday(WEEKDAYS.indexOf(day));

/** the weekly opening ranges, day by day: up to two a day, each with its own problem */
export function WeeklyHoursFields({
  week,
  problems,
  onChange,
}: {
  week: Record<Weekday, FormRange[]>;
  problems: Problems;
  onChange: (day: Weekday, ranges: FormRange[]) => void;
}) {
  const t = useT();
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{t('hours.weekly')}</legend>
      {problems['week'] ? (
        <p className="text-xs font-medium text-rose-700 dark:text-rose-300">{problems['week']}</p>
      ) : null}
      {WEEKDAYS.map((day) => {
        const ranges = week[day];
        const name = dayName(day);
        return (
          <div key={day} role="group" aria-label={name} className="space-y-1">
            <div className="flex flex-wrap items-center gap-2">
              <span className="w-24 text-sm">{name}</span>
              {ranges.length === 0 ? (
                <span className="text-xs text-slate-500">{t('hours.closed')}</span>
              ) : null}
              <Button
                tone="ghost"
                className="min-h-8 px-2 text-xs"
                disabled={ranges.length >= MAX_RANGES_PER_DAY}
                onClick={() => onChange(day, [...ranges, { open: '09:00', close: '17:00' }])}
              >
                {t('hours.addOn', { day: name })}
              </Button>
            </div>
            {ranges.map((range, index) => {
              const label = t('hours.range', { day: name, n: index + 1 });
              const update = (next: Partial<FormRange>) =>
                onChange(
                  day,
                  ranges.map((r, i) => (i === index ? { ...r, ...next } : r)),
                );
              const error = problems[rangeKey(day, index)];
              return (
                <div key={index} className="flex flex-wrap items-end gap-2 pl-24">
                  <TextField
                    type="time"
                    label={t('hours.opens', { label })}
                    value={range.open}
                    onChange={(e) => update({ open: e.target.value })}
                    error={error}
                  />
                  <TextField
                    type="time"
                    label={t('hours.closes', { label })}
                    value={range.close}
                    onChange={(e) => update({ close: e.target.value })}
                  />
                  <Button
                    tone="ghost"
                    className="min-h-9 px-2 text-xs"
                    onClick={() =>
                      onChange(
                        day,
                        ranges.filter((_, i) => i !== index),
                      )
                    }
                  >
                    {t('hours.remove', { label })}
                  </Button>
                </div>
              );
            })}
          </div>
        );
      })}
    </fieldset>
  );
}

/** holidays: dates (and times) when calls do not reach the business, at most 20 */
export function HolidayFields({
  holidays,
  problems,
  onChange,
}: {
  holidays: FormHoliday[];
  problems: Problems;
  onChange: (holidays: FormHoliday[]) => void;
}) {
  const t = useT();
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{t('hours.holidays')}</legend>
      {problems['holidays'] ? (
        <p className="text-xs font-medium text-rose-700 dark:text-rose-300">
          {problems['holidays']}
        </p>
      ) : null}
      {holidays.map((holiday, index) => {
        const label = t('hours.holiday', { n: index + 1 });
        const update = (next: Partial<FormHoliday>) =>
          onChange(holidays.map((h, i) => (i === index ? { ...h, ...next } : h)));
        return (
          <div key={index} className="flex flex-wrap items-end gap-2">
            <TextField
              type="date"
              label={t('hours.holidayDate', { label })}
              value={holiday.date}
              onChange={(e) => update({ date: e.target.value })}
              error={problems[holidayKey(index)]}
            />
            <TextField
              type="time"
              label={t('hours.holidayFrom', { label })}
              value={holiday.start}
              onChange={(e) => update({ start: e.target.value })}
            />
            <TextField
              type="time"
              label={t('hours.holidayUntil', { label })}
              value={holiday.end}
              onChange={(e) => update({ end: e.target.value })}
            />
            <Button
              tone="ghost"
              className="min-h-9 px-2 text-xs"
              onClick={() => onChange(holidays.filter((_, i) => i !== index))}
            >
              {t('hours.remove', { label })}
            </Button>
          </div>
        );
      })}
      <Button
        tone="ghost"
        className="min-h-8 px-2 text-xs"
        disabled={holidays.length >= MAX_HOLIDAYS}
        onClick={() => onChange([...holidays, { date: '', start: '00:00', end: '23:59' }])}
      >
        {t('hours.addHoliday')}
      </Button>
    </fieldset>
  );
}
