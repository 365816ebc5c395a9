// `tala import`'s main thread writes the search rows the parse worker analysed: it never loads the analyzer and lunr
// (~50 ms of CPU at every start). This file runs in a process of its own (vitest's forks pool), so the require cache
// is this file's alone; the parse worker, a thread of its own, loads them there.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import { WorkerParser } from '../../../main/ingest/parser';
import { tempDir } from '../../helpers/temp';

const requireCjs = createRequire(import.meta.url);
const lunrFile = requireCjs.resolve('lunr');
const dir = tempDir();
const parser = new WorkerParser();
afterAll(() => parser.close());

describe('the analyzer on the thread that writes an import', () => {
  it('is not loaded when the parse worker made the analysis, and is when a document is analysed here', async () => {
    const archive = await Archive.open(join(dir, 'archive.sqlite'), { search: 'inline', parser });
    const bytes = new TextEncoder().encode('Ang Bayan\n\nTumatakbo ang mga tao sa halalan.\n\nMasaya ang bayan.');
    const outcome = await archive.documents.importFile({ name: 'ulat.txt', bytes, lang: 'tl' });
    expect(outcome.status).toBe('imported');
    expect(lunrFile in requireCjs.cache).toBe(false);

    // Its rows are there: a search (which loads the analyzer here) finds the document by a stem.
    const found = await archive.search.query('tumakbo');
    expect(found.hits.map((h) => h.docId)).toContain(outcome.status === 'imported' && outcome.document.id);
    expect(lunrFile in requireCjs.cache).toBe(true);
    await archive.close();
  });
});
