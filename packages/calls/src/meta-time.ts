/**
 * Reads Meta's unix seconds (a number, or a string of digits on WhatsApp) as epoch ms.
 * Returns `undefined` for anything else, so a malformed optional time is simply absent.
 *
 * @example
 * unixSecondsToMs('1753115233'); // 1753115233000
 * unixSecondsToMs(1671644824); // 1671644824000
 * unixSecondsToMs('soon'); // undefined
 */
export function unixSecondsToMs(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}
