/**
 * Exhaustiveness check for `switch` statements: compiles only when every case is handled.
 * At run time (a caller outside the type system sent something new) it returns `fallback`
 * instead of throwing, so a surprise is a logged no-op rather than a crash.
 *
 * @example
 * switch (event.kind) {
 *   case 'a': return 1;
 *   default: return assertNever(event.kind, 0);
 * }
 */
export function assertNever<T>(value: never, fallback: T): T {
  void value;
  return fallback;
}
