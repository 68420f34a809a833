// `pnpm --filter @ringside/server build`: the server as plain JavaScript in dist/ (server-bundle.ts)
import { relative } from 'node:path';
import { buildServer, DIST_DIR } from './server-bundle';

const bundle = await buildServer(DIST_DIR);
process.stderr.write(
  `server built: ${relative(process.cwd(), bundle.entry)} (${(bundle.bytes / 1024).toFixed(0)} KB, ` +
    `${bundle.externals.length} npm packages linked beside it) in ${bundle.buildMs.toFixed(0)} ms\n`,
);
