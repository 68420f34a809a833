// Commands named in spec/interfaces.md whose parts have not been built yet say so plainly.
const what = process.argv[2] ?? 'this command';
const issue = {
  start: '#4 [server] and #5 [console]',
  ringside: '#4 [server]',
  bench: '#4 [server]',
}[what];
console.error(
  `ringside: \`pnpm ${what}\` is not built yet${issue ? ` (it arrives with issue ${issue})` : ''}.`,
);
process.exit(1);
