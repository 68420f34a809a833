// janode imports unix-dgram (a native addon) for its Unix-socket transport at load time. Ringside
// talks to Janus over WebSocket only, so this stands in for it: no native build at install, and
// the Unix transport fails with a clear message if anyone selects it.
export function createSocket() {
  throw new Error('the janode Unix-socket transport is not available here: use a ws:// address');
}
