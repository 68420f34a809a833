/** one satisfiable byte range of a file, inclusive at both ends */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Reads an HTTP `Range` header against a file of `size` bytes (RFC 9110 §14.1.2), the single
 * range `<audio>` asks for while seeking: `bytes=a-b`, `bytes=a-`, `bytes=-n`. `undefined`: no
 * header, or one we answer with the whole file (several ranges); `'unsatisfiable'`: a 416.
 *
 * @example
 * parseByteRange('bytes=0-', 1000); // { start: 0, end: 999 }
 * parseByteRange('bytes=-100', 1000); // { start: 900, end: 999 }
 */
export function parseByteRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | undefined {
  if (header === undefined) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (end < start) return 'unsatisfiable';
  return { start, end };
}
