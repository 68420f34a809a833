/**
 * Where to go after signing in: a path on this site from `?next=`, else the agent view.
 * Anything that could leave the site (`//evil.example`, `https://…`) is ignored.
 *
 * @example
 * safeNext('/history?q=rahul'); // '/history?q=rahul'
 * safeNext('//evil.example'); // '/'
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login')) return '/';
  return next;
}
