import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { REPO_ROOT, SAMPLES_DIR, tempDir } from '../../helpers/temp';

const dir = tempDir();
let n = 0;

async function talaIn(env: NodeJS.ProcessEnv, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) }, env);
  return { code, out, err };
}

const tala = (...argv: string[]) => talaIn({}, argv);

function freshArchiveDir(): string {
  return join(dir, `archive-${n++}`);
}

describe('tala CLI', () => {
  it('imports files and folders and reports imported, skipped and failed as JSON', async () => {
    const archive = freshArchiveDir();
    const folder = join(dir, `folder-${n++}`);
    mkdirSync(join(folder, 'sub'), { recursive: true });
    writeFileSync(join(folder, 'sub', 'notes.md'), '# Mga tala\n\nSi Bako Sahakyan ay nanalo sa halalan noong 2012.');
    writeFileSync(join(folder, 'empty.txt'), '');
    writeFileSync(join(folder, 'image.png'), 'not really an image');
    const tl = join(SAMPLES_DIR, 'nkr-2012-halalan.tl.txt');

    const first = await tala('--archive', archive, 'import', tl, folder, join(dir, 'missing.txt'), '--json');
    expect(first.code).toBe(1);
    const report = JSON.parse(first.out);
    expect(Object.keys(report)).toEqual(['imported', 'skipped', 'failed']);
    expect(report.imported).toEqual([
      { id: expect.stringMatching(/^[0-9a-f-]{36}$/), title: expect.any(String), lang: 'tl', passages: 9 },
      { id: expect.any(String), title: 'Mga tala', lang: expect.any(String), passages: 2 },
    ]);
    expect(report.skipped).toEqual([
      { path: join(folder, 'image.png'), reason: expect.stringContaining('unsupported') },
    ]);
    expect(report.failed).toEqual([
      { path: join(dir, 'missing.txt'), error: expect.stringContaining('no such file') },
      { path: join(folder, 'empty.txt'), error: expect.stringContaining('empty') },
    ]);

    const again = await tala('--archive', archive, 'import', tl, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toEqual({
      imported: [],
      skipped: [{ path: tl, reason: expect.stringContaining('already in the archive') }],
      failed: [],
    });
  });

  it('lists, shows and searches with the documented JSON shapes', async () => {
    const archive = freshArchiveDir();
    await tala('--archive', archive, 'import', join(SAMPLES_DIR, 'nkr-2012-halalan.tl.txt'), '--lang', 'tl', '--json');

    const list = JSON.parse((await tala('--archive', archive, 'list', '--json')).out);
    expect(list).toEqual([{ id: expect.any(String), title: expect.any(String), lang: 'tl', passages: 9 }]);

    const shown = JSON.parse((await tala('--archive', archive, 'show', list[0].id, '--json')).out);
    expect(shown).toMatchObject({ id: list[0].id, lang: 'tl', text: expect.stringContaining('Sahakyan') });
    expect(shown.passages).toHaveLength(9);
    expect(Object.keys(shown.passages[0])).toEqual(['id', 'ordinal', 'kind', 'text', 'start', 'end']);
    expect(shown.passages[0]).toMatchObject({ ordinal: 0, kind: 'paragraph' });

    const found = JSON.parse((await tala('--archive', archive, 'search', 'Sahakyan', '--limit', '2', '--json')).out);
    expect(found.total).toBe(3);
    expect(found.hits).toHaveLength(2);
    // Issue 3 adds `matches` per hit and top-level facets, expansions (and didYouMean) to the skeleton's shape.
    expect(Object.keys(found.hits[0])).toEqual(['docId', 'title', 'passageId', 'lang', 'score', 'snippet', 'matches']);
    // Issue 16 adds `pending`: documents whose index rows are not up to date (0 here: the index is complete).
    expect(Object.keys(found)).toEqual(['total', 'hits', 'facets', 'expansions', 'didYouMean', 'pending']);
    expect(found.pending).toBe(0);
    expect(found.facets.lang).toEqual([{ value: 'tl', passages: 3, documents: 1 }]);
    const passage = shown.passages.find((p: { id: string }) => p.id === found.hits[0].passageId);
    for (const [s, e] of found.hits[0].matches) expect(passage.text.slice(s, e)).toBe('Sahakyan');

    const reindexed = await tala('--archive', archive, 'reindex', '--json');
    expect(reindexed.code).toBe(0);
    expect(JSON.parse(reindexed.out)).toEqual({
      documents: 1,
      passages: 9,
      ms: expect.any(Number),
      indexedPassages: 9,
      totalPassages: 9,
    });
    const text = await tala('--archive', archive, 'reindex');
    expect(text.out).toMatch(/^reindexed 1 documents \(9 passages\) in \d+\.\d s/);
    expect(found.hits.every((h: { docId: string }) => h.docId === list[0].id)).toBe(true);

    // Name variants across scripts are listed, and --no-names switches them off.
    const ru = join(dir, 'saakyan.ru.txt');
    writeFileSync(ru, 'Бако Саакяна поздравили с победой.');
    await tala('--archive', archive, 'import', ru, '--lang', 'ru', '--json');
    const named = JSON.parse((await tala('--archive', archive, 'search', 'Sahakyan', '--json')).out);
    expect(named.total).toBe(4);
    const nameExpansion = { kind: 'name', term: 'sahakyan', to: expect.arrayContaining(['саакяна']) };
    expect(named.expansions).toContainEqual(expect.objectContaining(nameExpansion));
    const unnamed = JSON.parse((await tala('--archive', archive, 'search', 'Sahakyan', '--no-names', '--json')).out);
    expect(unnamed.total).toBe(3);
  });

  it('annotates, lists annotations and exports them', async () => {
    const archive = freshArchiveDir();
    await tala('--archive', archive, 'import', join(SAMPLES_DIR, 'nkr-2012-halalan.tl.txt'), '--json');
    const [doc] = JSON.parse((await tala('--archive', archive, 'list', '--json')).out);
    const { text } = JSON.parse((await tala('--archive', archive, 'show', doc.id, '--json')).out);
    const quote = '47 libo sa kanila ang bumoto';
    const start = text.indexOf(quote);

    const made = await tala(
      '--archive',
      archive,
      'annotate',
      doc.id,
      '--start',
      String(start),
      '--end',
      String(start + quote.length),
      '--note',
      'boto',
      '--tag',
      'halalan',
      '--tag',
      'boto',
    );
    expect(made).toMatchObject({ code: 0, out: expect.stringContaining(quote) });
    const list = JSON.parse((await tala('--archive', archive, 'annotations', doc.id, '--json')).out);
    expect(list).toEqual([
      {
        id: expect.any(String),
        exact: quote,
        prefix: expect.any(String),
        suffix: expect.any(String),
        start,
        end: start + quote.length,
        note: 'boto',
        tags: ['boto', 'halalan'],
        status: 'anchored',
      },
    ]);

    const md = await tala('--archive', archive, 'export', doc.id, '--format', 'md');
    expect(md.out).toContain(`> ${quote}`);
    const out = join(dir, 'all.jsonld');
    expect((await tala('--archive', archive, 'export', 'all', '--format', 'w3c', '--out', out)).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ type: 'AnnotationCollection', total: 1 });
    expect((await tala('--archive', archive, 'export', doc.id, '--format', 'pdf')).code).toBe(2);
    expect((await tala('--archive', archive, 'annotate', doc.id, '--start', '5', '--end', '2')).code).toBe(1);
  });

  it('backs up, lists backups and restores one', async () => {
    const archive = freshArchiveDir();
    await tala('--archive', archive, 'import', join(SAMPLES_DIR, 'nkr-2012-halalan.tl.txt'));
    const made = JSON.parse((await tala('--archive', archive, 'backup', '--json')).out);
    expect(made).toMatchObject({ reason: 'manual', file: expect.stringContaining('backups') });
    const [doc] = JSON.parse((await tala('--archive', archive, 'list', '--json')).out);
    await tala('--archive', archive, 'import', join(SAMPLES_DIR, 'nkr-2012-halalan.en.txt'));
    expect(JSON.parse((await tala('--archive', archive, 'list', '--json')).out)).toHaveLength(2);

    const restored = await tala('--archive', archive, 'restore', made.file, '--json');
    expect(restored.code).toBe(0);
    expect(JSON.parse((await tala('--archive', archive, 'list', '--json')).out)).toEqual([doc]);
    const backups = JSON.parse((await tala('--archive', archive, 'backups', '--json')).out);
    expect(backups.map((b: { reason: string }) => b.reason).sort()).toEqual(['manual', 'pre-restore']);
  });

  it('exports the whole archive to one file and merges it into another', async () => {
    const from = freshArchiveDir();
    const to = freshArchiveDir();
    await tala('--archive', from, 'import', SAMPLES_DIR);
    const file = join(dir, `whole-${n++}.tala`);
    expect((await tala('--archive', from, 'export-archive', file)).code).toBe(0);
    const merged = await tala('--archive', to, 'import-archive', file, '--json');
    expect(JSON.parse(merged.out).documents).toEqual({ added: 2, alreadyPresent: 0 });
    expect(JSON.parse((await tala('--archive', to, 'list', '--json')).out)).toEqual(
      JSON.parse((await tala('--archive', from, 'list', '--json')).out),
    );
  });

  it('explains usage errors with exit code 2 and runtime errors with exit code 1', async () => {
    const archive = freshArchiveDir();
    expect((await tala('--archive', archive, 'frobnicate')).code).toBe(2);
    const badFlag = await tala('--archive', archive, 'list', '--limit', '3');
    expect(badFlag).toMatchObject({ code: 2, err: expect.stringContaining("Unknown option '--limit'") });
    expect(badFlag.err).toContain('Usage: tala [--archive DIR] [--verbose] list');
    const badLimit = await tala('--archive', archive, 'search', 'x', '--limit', 'lots');
    expect(badLimit).toMatchObject({ code: 2, err: expect.stringContaining('--limit') });
    const missing = await tala('--archive', archive, 'show', '00000000-0000-0000-0000-000000000000');
    expect(missing).toMatchObject({ code: 1, err: expect.stringContaining('No document') });
    const badQuery = await tala('--archive', archive, 'search', 'title:');
    expect(badQuery).toMatchObject({ code: 1, err: expect.stringContaining('Cannot understand') });
  });

  it('refuses extra positional arguments and unknown options with exit code 2 and the usage', async () => {
    const archive = freshArchiveDir();
    const extra = await tala('--archive', archive, 'list', 'extra-arg');
    expect(extra).toMatchObject({
      code: 2,
      out: '',
      err: expect.stringContaining('list takes no arguments; extra: "extra-arg"'),
    });
    expect(extra.err).toContain('Usage: tala [--archive DIR] [--verbose] list');
    const two = await tala('--archive', archive, 'show', '0a0b0c0d-0e0f-4000-8000-00000000000a', 'more');
    expect(two).toMatchObject({ code: 2, err: expect.stringContaining('extra: "more"') });
    const missing = await tala('--archive', archive, 'align', 'one');
    expect(missing).toMatchObject({ code: 2, err: expect.stringContaining('align needs <docA> <docB>') });
    const unknown = await tala('--archive', archive, 'search', 'x', '--frobnicate');
    expect(unknown).toMatchObject({ code: 2, err: expect.stringContaining("Unknown option '--frobnicate'") });
    const valued = await tala('--archive', archive, 'list', '--json=yes');
    expect(valued.code).toBe(2);
    const sub = await tala('--archive', archive, 'facts', 'frobnicate');
    expect(sub).toMatchObject({ code: 2, err: expect.stringContaining('facts needs a sub-command') });
  });

  it('prints the usage of one command with --help, and every command with tala --help', async () => {
    const search = await tala('search', '--help');
    expect(search).toMatchObject({ code: 0, err: '' });
    expect(search.out).toContain('Usage: tala [--archive DIR] [--verbose] search "<query>" [--limit N]');
    expect(search.out).not.toContain('annotate');
    const facts = await tala('facts', '--help');
    expect(facts.out).toContain('facts add <docId> --subject NAME');
    expect(facts.out).toContain('facts conflicts');
    const all = await tala('--help');
    expect(all.code).toBe(0);
    for (const name of ['import', 'search', 'backup', 'facts list', 'export-archive', 'call'])
      expect(all.out).toContain(`  ${name} `);
    expect(all.out).toContain('entities.merge');
    expect(await tala()).toMatchObject({ code: 2, out: '' });
  });

  it('writes `backup FILE` to FILE, and never over an existing file', async () => {
    const archive = freshArchiveDir();
    await tala('--archive', archive, 'import', join(SAMPLES_DIR, 'nkr-2012-halalan.tl.txt'));
    const file = join(dir, `copy-${n++}.sqlite`);
    const made = await tala('--archive', archive, 'backup', file, '--json');
    expect(made.code).toBe(0);
    expect(JSON.parse(made.out)).toMatchObject({ file, reason: 'manual' });
    expect(readFileSync(file).subarray(0, 15).toString()).toBe('SQLite format 3');
    const other = freshArchiveDir();
    expect((await tala('--archive', other, 'restore', file)).code).toBe(0);
    expect(JSON.parse((await tala('--archive', other, 'list', '--json')).out)).toHaveLength(1);
    const again = await tala('--archive', archive, 'backup', file);
    expect(again).toMatchObject({ code: 1, err: expect.stringContaining('already exists') });
  });

  it('prints diagnostics only with --verbose or TALA_DEBUG=1', async () => {
    const archive = freshArchiveDir();
    const quiet = await tala('--archive', archive, 'list');
    expect(quiet).toMatchObject({ code: 0, err: '' });
    const verbose = await tala('--archive', archive, 'list', '--verbose');
    expect(verbose.err).toMatch(/^\[tala\] archive .* opened in \d+ ms$/m);
    const debug = await talaIn({ TALA_DEBUG: '1' }, ['--archive', archive, 'list']);
    expect(debug.err).toContain('opened in');
  });

  it('points at the character a search cannot understand, and answers errors as JSON with --json', async () => {
    const archive = freshArchiveDir();
    const bad = await tala('--archive', archive, 'search', 'x "Bako');
    expect(bad).toMatchObject({ code: 1, err: expect.stringContaining('quote is never closed') });
    expect(bad.err).toContain('\n  x "Bako\n    ^\n');
    const asJson = await tala('--archive', archive, 'search', 'x "Bako', '--json');
    expect(JSON.parse(asJson.out)).toEqual({
      error: { code: 'BAD_QUERY', message: expect.any(String), details: { position: 2, token: '"Bako' } },
    });
  });

  it('reaches any operation with `tala call <channel> JSON`, validated like the app', async () => {
    const archive = freshArchiveDir();
    const info = await tala('--archive', archive, 'call', 'app.info');
    expect(JSON.parse(info.out)).toMatchObject({ schemaVersion: expect.any(Number) });
    const invalid = await tala('--archive', archive, 'call', 'documents.get', '{"id":"nope"}');
    expect(invalid).toMatchObject({ code: 1, err: expect.stringContaining('Invalid request: request.id must be') });
    const unknown = await tala('--archive', archive, 'call', 'documents.frobnicate');
    expect(unknown).toMatchObject({ code: 1, err: expect.stringContaining('Unknown request') });
    const notJson = await tala('--archive', archive, 'call', 'documents.get', '{id:');
    expect(notJson.code).toBe(2);
  });

  it('runs as `npm run -s tala` in a real process, using the default archive seeded with the samples', () => {
    const home = join(dir, `home-${n++}`);
    const env = { ...process.env, XDG_CONFIG_HOME: home, TALA_ARCHIVE: '' };
    const run = (...args: string[]) =>
      execFileSync('npm', ['run', '-s', 'tala', '--', ...args], { cwd: REPO_ROOT, env, encoding: 'utf8' });
    const list = JSON.parse(run('list', '--json'));
    expect(list.map((d: { lang: string }) => d.lang)).toEqual(['tl', 'en']);
    const found = JSON.parse(run('search', 'Sahakyan', '--json'));
    expect(
      found.hits.some((h: { lang: string; snippet: string }) => h.lang === 'tl' && h.snippet.includes('47 libo')),
    ).toBe(true);
    const failed = spawnSync('npm', ['run', '-s', 'tala', '--', 'show', 'nope'], {
      cwd: REPO_ROOT,
      env,
      encoding: 'utf8',
    });
    expect(failed.status).toBe(1);
  }, 60_000);
});
