// the button's comfortable default size; a caller's own size classes replace these (Tailwind
// would otherwise pick whichever it happens to emit later, not the caller's)
const SIZE_DEFAULTS: readonly (readonly [group: RegExp, fallback: string])[] = [
  [/^min-h-/, 'min-h-11'],
  [/^px-/, 'px-4'],
  [/^py-/, 'py-2'],
];

/**
 * The classes of a console button: the base look, the tone, the caller's classes, and the
 * default size only where the caller did not choose one (`min-h-*`, `px-*`, `py-*`).
 *
 * @example
 * buttonClasses('bg-sky-600', 'min-h-9 px-3'); // '… min-h-9 px-3 py-2 … bg-sky-600'
 */
export function buttonClasses(tone: string, className: string): string {
  const own = className.split(/\s+/).filter(Boolean);
  const sizes = SIZE_DEFAULTS.filter(([group]) => !own.some((c) => group.test(c))).map(
    ([, fallback]) => fallback,
  );
  return [
    'inline-flex items-center justify-center gap-2 rounded-lg text-sm font-semibold transition-colors disabled:cursor-not-allowed',
    ...sizes,
    tone,
    ...own,
  ].join(' ');
}
