// `npm run bench:start` [-- --rounds 5 --no-build --start --no-tsx]: how long `npm run web` takes, after the build,
// from its process start to the first page a browser gets (HTTP 200 for the app page), for the built host as
// `npm run web` runs it (`node out/main/web.js`, plain JavaScript) and for the host run from the TypeScript
// sources through tsx (as `npm run web` did before). Each round runs the sides taking turns, each twice: on a
// new archive (the first start, which creates it and imports the sample documents through the parse worker)
// and again on that archive (every later start); --start adds `npm start`'s launcher where no Electron window
// can open (it falls back to the browser host). Time: from spawn to the answer of `GET /` with the session
// cookie (the sign-in address first, as the browser opens it); then the time to the answer of the library's
// first API call, which must hold the samples (a first start imports them while the page is served: the page's
// API calls wait for them). --no-tsx leaves out the sides run through tsx. The target: ≤ 1 s after the build.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    'no-build': { type: 'boolean', default: false },
    start: { type: 'boolean', default: false },
    'no-tsx': { type: 'boolean', default: false },
  },
});
const rounds = Number(values.rounds);
const ROOT = process.cwd();

const ALL_SIDES = {
  built: { label: 'built: `node out/main/web.js` (npm run web)', args: [join(ROOT, 'out', 'main', 'web.js')] },
  tsx: { label: 'from sources: `tsx main/web/cli.ts` (before)', args: ['--import', 'tsx', 'main/web/cli.ts'] },
  // --start, where no Electron window can open: `npm start`'s fallback to the browser host.
  'start-built': {
    label: '`npm start` without Electron: `node out/main/start.js`',
    args: [join(ROOT, 'out', 'main', 'start.js')],
  },
  'start-tsx': {
    label: '`npm start` without Electron, before: `tsx scripts/start.ts` → `tsx main/web/cli.ts`',
    args: ['--import', 'tsx', 'scripts/start.ts'],
  },
} as const;
type Side = keyof typeof ALL_SIDES;
const SIDES: Partial<Record<Side, (typeof ALL_SIDES)[Side]>> = values.start
  ? ALL_SIDES
  : { built: ALL_SIDES.built, tsx: ALL_SIDES.tsx };
const sides = (Object.keys(SIDES) as Side[]).filter((side) => !(values['no-tsx'] && side.endsWith('tsx')));

/**
 * Starts a host on `archiveDir`; resolves with the ms from spawn to the app page's HTTP 200 (`page`) and to the answer
 * of the library's first API call, which holds the samples (`listed`: on a first start they are imported while the
 * page is served, since the page's API calls wait for them), then stops it.
 */
async function firstPage(side: Side, archiveDir: string, home: string): Promise<{ page: number; listed: number }> {
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data') };
  const started = performance.now();
  const child = spawn(process.execPath, [...ALL_SIDES[side].args, '--archive', archiveDir, '--no-open'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  try {
    const url = await new Promise<URL>((resolve, reject) => {
      const check = () => {
        const line = out.match(/running at (\S+)/);
        if (line) resolve(new URL(line[1]));
      };
      child.stdout.on('data', check);
      void exited.then((code) => reject(new Error(`${side} exited with ${code}:\n${out}\n${err}`)));
    });
    const signIn = await fetch(url, { redirect: 'manual' });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    const page = await fetch(new URL('/', url), { headers: { cookie } });
    const body = await page.text();
    const ms = performance.now() - started;
    if (page.status !== 200 || !body.includes('<div id="root">'))
      throw new Error(`${side}: the page answered ${page.status}`);
    // The samples were imported on the first start, through the parse worker (the built one: no tsx in the
    // built host's process, where a worker from the sources could not load).
    const list = await fetch(new URL('/api/documents.list', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-tala-token': url.searchParams.get('token')! },
      body: 'null',
    });
    const docs = ((await list.json()) as { value?: unknown[] }).value ?? [];
    const listed = performance.now() - started;
    if (docs.length < 2) throw new Error(`${side}: the archive holds ${docs.length} documents, not the samples`);
    return { page: ms, listed };
  } finally {
    child.kill('SIGTERM');
    const code = await exited;
    if (code !== 0 && code !== null) console.error(`${side} exited with ${code}: ${err.slice(-500)}`);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => loadavg()[0].toFixed(2);

if (!values['no-build']) {
  console.error('Building (electron-vite build)…');
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore' });
  if (build.status !== 0) throw new Error('electron-vite build failed');
}
const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
const loadStart = load();
const work = mkdtempSync(join(tmpdir(), 'tala-bench-start-'));
const times: Record<string, number[]> = {};
const loads: string[] = [];
try {
  for (let round = 0; round < rounds; round++) {
    // Taking turns: the side that goes first alternates from round to round.
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const home = mkdtempSync(join(work, `${side}-`));
      const archiveDir = join(home, 'archive');
      for (const phase of ['new archive', 'existing archive']) {
        const { page: ms, listed } = await firstPage(side, archiveDir, home);
        (times[`${side}|${phase}`] ??= []).push(ms);
        (times[`${side}|${phase}|listed`] ??= []).push(listed);
        loads.push(load());
        console.error(
          `round ${round + 1} ${side} ${phase}: ${ms.toFixed(0)} ms ` +
            `(samples listed ${listed.toFixed(0)} ms), load ${load()}`,
        );
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const nums = loads.map(Number);
console.log(
  `\nFirst page of \`npm run web\`, code ${commit}, ${new Date().toISOString().slice(0, 16)}Z, load ${loadStart} → ` +
    `${load()} (${Math.min(...nums).toFixed(2)}–${Math.max(...nums).toFixed(2)} between sides), ${rounds} rounds ` +
    'taking turns. Process start → HTTP 200 for the app page (after the build).\n',
);
console.log(
  '| archive | side | first page: median | each round | ratio to built (median of rounds) | ' +
    'samples listed: median (each round) |',
);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const phase of ['new archive', 'existing archive']) {
  const built = times[`built|${phase}`];
  for (const side of sides) {
    const xs = times[`${side}|${phase}`];
    const ratio = median(xs.map((x, i) => x / built[i]));
    const each = xs.map((x) => `${(x / 1000).toFixed(2)}`).join(', ');
    const listed = times[`${side}|${phase}|listed`];
    const listedEach = listed.map((x) => `${(x / 1000).toFixed(2)}`).join(', ');
    console.log(
      `| ${phase} | ${ALL_SIDES[side].label} | ${(median(xs) / 1000).toFixed(2)} s | ${each} | ` +
        `${ratio.toFixed(2)}× | ` +
        `${(median(listed) / 1000).toFixed(2)} s (${listedEach}) |`,
    );
  }
}
