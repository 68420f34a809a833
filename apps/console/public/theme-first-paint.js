/* global document, matchMedia */
// picks the theme before the first paint so a dark page never flashes white; a file of its own
// (not inline in index.html) because the server's content policy runs no inline script
try {
  const chosen = localStorage.getItem('ringside:theme');
  const dark =
    chosen === 'dark' || (chosen !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  if (dark) document.documentElement.classList.add('dark');
} catch {
  // storage refused (private mode, policies): the default theme follows the system
}
