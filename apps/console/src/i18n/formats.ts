import { currentLocale } from './i18n';

type When = number | string | Date;

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(
  kind: string,
  options: object,
  make: (locale: string) => T,
): T {
  const locale = currentLocale();
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let found = cache.get(key) as T | undefined;
  if (!found) {
    found = make(locale);
    cache.set(key, found);
  }
  return found;
}

const toDate = (when: When) => (when instanceof Date ? when : new Date(when));

/**
 * A moment with its date and time, as the current language writes them.
 *
 * @example
 * formatDateTime('2026-12-07T10:30:00Z'); // en: '12/7/2026, 10:30:00 AM'; es: '7/12/2026, 10:30:00'
 */
export function formatDateTime(when: When): string {
  const options = { dateStyle: 'short', timeStyle: 'medium' } as const;
  return cached('dt', options, (l) => new Intl.DateTimeFormat(l, options)).format(toDate(when));
}

/**
 * A moment's time of day.
 *
 * @example
 * formatTime(Date.parse('2026-12-07T10:30:05Z')); // en: '10:30:05 AM'; pt-BR: '10:30:05'
 */
export function formatTime(when: When): string {
  const options = { timeStyle: 'medium' } as const;
  return cached('t', options, (l) => new Intl.DateTimeFormat(l, options)).format(toDate(when));
}

/**
 * A day, with the month in words.
 *
 * @example
 * formatDate('2026-12-07'); // en: 'Dec 7, 2026'; es: '7 dic 2026'
 */
export function formatDate(when: When): string {
  const options = { day: 'numeric', month: 'short', year: 'numeric' } as const;
  return cached('d', options, (l) => new Intl.DateTimeFormat(l, options)).format(toDate(when));
}

/**
 * A number with the current language's grouping and decimal mark.
 *
 * @example
 * formatNumber(12500); // en: '12,500'; es: '12.500'; hi: '12,500'
 */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return cached('n', options, (l) => new Intl.NumberFormat(l, options)).format(value);
}

/**
 * A share (0..1) as a whole percentage.
 *
 * @example
 * formatPercent(0.845); // en: '85%'; es: '85 %'
 */
export function formatPercent(share: number): string {
  return formatNumber(share, { style: 'percent', maximumFractionDigits: 0 });
}

/**
 * A length of time in words, largest units first, seconds shown only under ten minutes.
 *
 * @example
 * formatDurationWords(125_000); // en: '2 min 5 sec'; es: '2 min 5 s'
 * formatDurationWords(3_720_000); // en: '1 hr 2 min'
 */
export function formatDurationWords(ms: number): string {
  const total = Math.max(0, Math.round((Number.isFinite(ms) ? ms : 0) / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts: string[] = [];
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    formatNumber(value, { style: 'unit', unit: name, unitDisplay: 'short' });
  if (hours > 0) parts.push(unit(hours, 'hour'));
  if (minutes > 0) parts.push(unit(minutes, 'minute'));
  if (seconds > 0 && total < 600) parts.push(unit(seconds, 'second'));
  if (parts.length === 0) return unit(0, 'second');
  const options = { style: 'narrow', type: 'unit' } as const;
  return cached('l', options, (l) => new Intl.ListFormat(l, options)).format(parts);
}

/**
 * A weekday's name, Monday first (0) to Sunday (6), as the current language writes it.
 *
 * @example
 * formatWeekday(0); // en: 'Monday'; es: 'lunes'; hi: 'सोमवार'
 */
export function formatWeekday(mondayBased: number): string {
  const options = { weekday: 'long', timeZone: 'UTC' } as const;
  // 2024-01-01 was a Monday
  return cached('w', options, (l) => new Intl.DateTimeFormat(l, options)).format(
    Date.UTC(2024, 0, 1 + mondayBased),
  );
}
