#!/usr/bin/env node
// `npx tala …` and `npm run -s tala -- …`: the command line is built with the app (`npm run build`) into
// out/main/cli.js, plain JavaScript, so it starts without compiling anything.
import { existsSync } from 'node:fs';

const cli = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('tala: the command line is not built yet: run `npm run build` first.\n');
  process.exit(1);
}
await import(cli.href);
