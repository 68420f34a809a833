import { afterEach, describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDurationWords,
  formatNumber,
  formatPercent,
  formatWeekday,
} from './formats';
import { i18n } from './i18n';

function speak(locale: string) {
  i18n.loadAndActivate({ locale, messages: {} });
}

afterEach(() => speak('en'));

describe('formats follow the current language', () => {
  it('numbers and percentages', () => {
    expect(formatNumber(12500)).toBe('12,500');
    expect(formatPercent(0.845)).toBe('85%');
    speak('es');
    expect(formatNumber(12500)).toBe('12.500');
    speak('pt-BR');
    expect(formatNumber(1234.5)).toBe('1.234,5');
    speak('hi');
    expect(formatNumber(1250000)).toBe('12,50,000');
  });

  it('dates with the month in words', () => {
    const day = new Date(2026, 11, 7);
    expect(formatDate(day)).toBe('Dec 7, 2026');
    speak('id');
    expect(formatDate(day)).toBe('7 Des 2026');
  });

  it('weekday names, Monday first', () => {
    expect(formatWeekday(0)).toBe('Monday');
    expect(formatWeekday(6)).toBe('Sunday');
    speak('pt-BR');
    expect(formatWeekday(0)).toBe('segunda-feira');
    speak('hi');
    expect(formatWeekday(0)).toBe('सोमवार');
  });

  it('durations in words, seconds only under ten minutes', () => {
    expect(formatDurationWords(125_000)).toBe('2 min 5 sec');
    expect(formatDurationWords(3_720_000)).toBe('1 hr 2 min');
    expect(formatDurationWords(0)).toBe('0 sec');
    speak('es');
    expect(formatDurationWords(125_000)).toBe('2 min 5 s');
    speak('hi');
    expect(formatDurationWords(125_000)).toBe('2 मि॰ 5 से॰');
  });
});
