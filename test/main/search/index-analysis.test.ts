// An import's search analysis is made before its commit (in the parse worker) and the indexer writes it as it comes;
// the index must be the one the indexer makes itself from the stored texts: the same rows word by word, the same
// vocabulary, the same word–pipeline pairs and name keys.
import { afterAll, describe, expect, it } from 'vitest';
import { Archive } from '../../../main/archive/archive';
import type { Database } from '../../../main/db/connection';
import {
  handLater,
  InlineParser,
  indexAnalysisOf,
  WorkerParser,
  type DocumentParser,
} from '../../../main/ingest/parser';
import type { IngestInput, ParsedDocument } from '../../../main/ingest/types';
import { analyzerFor } from '../../../main/search/analyzer';
import { analyzeForIndex } from '../../../main/search/index-analysis';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
const utf8 = (text: string) => new TextEncoder().encode(text);

// Several languages and scripts, titles of their own (Cyrillic, Armenian), two documents of one pipeline in the same
// commit (their shared words paired once), a language without a stemmer, and a lone surrogate (stored as U+FFFD).
const FILES: IngestInput[] = [
  {
    name: 'tl-1.txt',
    bytes: utf8('Ang Bayan\n\nTumatakbo ang mga tao sa halalan.\n\nAng bayan ay masaya ngayong araw.'),
    lang: 'tl',
  },
  { name: 'tl-2.txt', bytes: utf8('Ang mga tao ay tumakbo sa bayan.\n\nMasaya sila.'), lang: 'tl' },
  {
    name: 'en.txt',
    bytes: utf8('Running to the Station\n\nEveryone runs and has run to the polling station.'),
    lang: 'en',
  },
  {
    name: 'ru.txt',
    bytes: utf8('Москва и Саакян\n\nСаакян приехал в Москву вчера вечером.\n\nОн говорил о выборах.'),
    lang: 'ru',
  },
  { name: 'hy.txt', bytes: utf8('Սահակյան\n\nՍահակյանը եկավ Երևան երեկ։'), lang: 'hy' },
  { name: 'fj.txt', bytes: utf8('Na tamata kece era sucu ena galala ka tautauvata.'), lang: 'fj' },
  { name: 'de.txt', bytes: utf8('Die Häuser der Städte\n\nDie Kinder spielten in den Gärten.'), lang: 'de' },
  {
    name: 'lone.txt',
    bytes: new Uint8Array(Buffer.from('\uFEFFIsang talata na may sira.\n\nAt isa pa.', 'utf16le')),
    lang: 'tl',
    meta: { title: 'Sira \uD800 na pamagat' },
  },
  { meta: { title: 'Ulat tungkol sa Москва' }, name: 'titled.txt', bytes: utf8('Ang ulat ay maikli.'), lang: 'tl' },
];

/** The parser without its analysis: the indexer then analyses the stored texts itself, as before. */
class UnanalysedParser implements DocumentParser {
  private readonly inline = new InlineParser();
  async parse(input: IngestInput): Promise<ParsedDocument> {
    return { ...(await this.inline.parse(input)) };
  }
  async close(): Promise<void> {}
}

interface IndexDump {
  rows: string[];
  terms: string[];
  pairs: string[];
  nameKeys: string[];
}

/** The whole index by document file and passage ordinal (document ids and numbers differ between archives). */
async function dump(db: Database): Promise<IndexDump> {
  await db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS test_fts_instances USING fts5vocab(search_fts, 'instance')`);
  const rows = await db.all<{ line: string }>({
    text: `SELECT d.original_name || '#' || (i.doc - s.num * 4194304) || ' ' || i.col || ' ' || i.offset || ' ' ||
             i.term AS line
           FROM test_fts_instances i JOIN search_docs s ON s.num = i.doc / 4194304
           JOIN documents d ON d.id = s.document_id`,
    params: [],
  });
  const terms = await db.all<{ term: string }>({ text: 'SELECT term FROM search_terms ORDER BY id', params: [] });
  const pairs = await db.all<{ p: string }>({
    text: `SELECT pipeline || ' ' || term AS p FROM search_term_pipelines ORDER BY 1`,
    params: [],
  });
  const keys = await db.all<{ k: string }>({
    text: `SELECT key || ' ' || term AS k FROM search_name_keys ORDER BY 1`,
    params: [],
  });
  return {
    rows: rows.map((r) => r.line).sort(),
    // In the order the documents were indexed, which follows their random ids: compared as sets.
    terms: terms.map((t) => t.term).sort(),
    pairs: pairs.map((p) => p.p),
    nameKeys: keys.map((k) => k.k),
  };
}

async function importAll(
  name: string,
  parser: DocumentParser,
  files: readonly IngestInput[] = FILES,
): Promise<{ archive: Archive; dump: IndexDump }> {
  const archive = await Archive.open(`${dir}/${name}.sqlite`, { search: 'inline', parser });
  // Started together: they share a group commit (one index pass for all).
  const outcomes = await Promise.all(files.map((f) => archive.documents.importFile(f)));
  expect(outcomes.map((o) => o.status)).toEqual(files.map(() => 'imported'));
  // One more alone (a commit of its own).
  await archive.documents.importFile({ name: 'late.txt', bytes: utf8('Ang bayan ay tahimik.'), lang: 'tl' });
  return { archive, dump: await dump((archive as unknown as { db: Database }).db) };
}

describe('search analysis made before the commit', () => {
  const open: Archive[] = [];
  afterAll(async () => {
    for (const a of open) await a.close();
  });

  it('indexes exactly what the indexer would from the stored texts', async () => {
    const analysed = await importAll('analysed', new InlineParser());
    const plain = await importAll('plain', new UnanalysedParser());
    open.push(analysed.archive, plain.archive);
    expect(analysed.dump.rows.length).toBeGreaterThan(100);
    expect(analysed.dump.rows.some((r) => r.startsWith('ru.txt#1 translit '))).toBe(true); // transliteration column
    expect(analysed.dump.pairs.length).toBeGreaterThan(10);
    expect(analysed.dump.nameKeys.length).toBeGreaterThan(0);
    for (const k of ['rows', 'terms', 'pairs', 'nameKeys'] as const) expect(analysed.dump[k], k).toEqual(plain.dump[k]);
    // And the same search answers.
    for (const query of ['bayan', 'tumakbo', 'Sahakyan', 'Moskva', 'Häuser', 'runs', 'sira']) {
      const a = await analysed.archive.search.query(query);
      const p = await plain.archive.search.query(query);
      expect(a.total, query).toBe(p.total);
    }
  });

  it('indexes a document whose rows fill more than one statement, among others, the same way', async () => {
    // The rows of documents analysed before the commit go in statements of up to 4 M characters (indexer.ts): the
    // long one here is cut inside (its passages in two statements), between documents analysed and not.
    const sentence = (i: number) =>
      `Runners number ${i} ran quickly to the old polling station yesterday, and everyone who saw them was glad.`;
    const paragraph = (i: number) => Array.from({ length: 8 }, () => sentence(i)).join(' ');
    const long = Array.from({ length: 4000 }, (_, i) => paragraph(i)).join('\n\n');
    const files = [
      FILES[0],
      { name: 'long.txt', bytes: utf8(`The Long Report\n\n${long}`), lang: 'en' },
      FILES[7], // a lone surrogate: analysed by the indexer itself, between analysed documents
      FILES[3],
    ];
    const analysed = await importAll('long-analysed', new InlineParser(), files);
    const plain = await importAll('long-plain', new UnanalysedParser(), files);
    open.push(analysed.archive, plain.archive);
    expect(analysed.dump.rows.filter((r) => r.startsWith('long.txt#4000 text ')).length).toBeGreaterThan(100);
    for (const k of ['rows', 'terms', 'pairs', 'nameKeys'] as const) expect(analysed.dump[k], k).toEqual(plain.dump[k]);
  }, 120_000);

  it("writes a document's rows as its analysis's JSON holds them, in commits of many documents", async () => {
    // The rows JSON is made where the analysis is (the parse worker) and goes to SQLite as it is: a parser whose JSON
    // holds one more word in every text column than the texts shows that the indexer did not build the rows again.
    class MarkingParser implements DocumentParser {
      private readonly inline = new InlineParser();
      async parse(input: IngestInput): Promise<ParsedDocument> {
        const parsed = await this.inline.parse(input);
        const analysis = await indexAnalysisOf(parsed);
        const rows = JSON.parse(analysis!.rowsJson) as Array<[string, string]>;
        const rowsJson = JSON.stringify(rows.map(([text, translit]) => [`${text} zzmarked`, translit]));
        handLater(parsed, { print: Promise.resolve(null), analysis: Promise.resolve({ ...analysis!, rowsJson }) });
        return parsed;
      }
      async close(): Promise<void> {}
    }
    // More documents in one commit than one statement takes (200 row arrays), each of 1 to 3 passages.
    const files = Array.from({ length: 230 }, (_, i) => ({
      name: `n-${i}.txt`,
      bytes: utf8(Array.from({ length: 1 + (i % 3) }, (_, j) => `Ang talata ${j} ng ulat bilang ${i}.`).join('\n\n')),
      lang: 'tl',
    }));
    const marked = await importAll('marked', new MarkingParser(), files);
    const plain = await importAll('marked-plain', new UnanalysedParser(), files);
    open.push(marked.archive, plain.archive);
    // Every passage holds the word once (late.txt's too, imported alone after them).
    const passages = files.reduce((n, _, i) => n + 1 + (i % 3), 0) + 1;
    expect((await marked.archive.search.query('zzmarked')).total).toBeGreaterThan(0);
    const unmarked = marked.dump.rows.filter((r) => !r.endsWith(' zzmarked'));
    expect(marked.dump.rows.length - unmarked.length).toBe(passages);
    // Apart from the word, the same rows (numbers, columns, offsets) as the indexer makes from the stored texts.
    expect(unmarked).toEqual(plain.dump.rows);
  }, 120_000);

  it('the parse worker sends the analysis the inline parser makes', async () => {
    const worker = new WorkerParser();
    try {
      for (const input of FILES.slice(2, 5)) {
        const parsed = await worker.parse(input);
        const analysis = await indexAnalysisOf(parsed);
        expect(analysis).toEqual(
          analyzeForIndex(
            parsed.lang,
            parsed.title,
            parsed.passages.map((p) => p.text),
          ),
        );
      }
    } finally {
      await worker.close();
    }
  });

  it('a worker that stops gives up the analyses still coming (nothing waits for them)', async () => {
    const worker = new WorkerParser();
    const parsed = await worker.parse(FILES[0]);
    const coming = indexAnalysisOf(parsed);
    await worker.close();
    // Either it had come already, or it is given up: it settles either way.
    const settled = await coming;
    expect(settled === undefined || settled.passages === parsed.passages.length).toBe(true);
  });
});

describe('analyzeForIndex words', () => {
  it("notes the words and surface forms of the analyzer's tokens, first occurrence first", () => {
    const cases: Array<[string, string, string[]]> = [
      ['tl', 'Ang Bayan', ['Tumatakbo ang mga tao sa bayan.', 'Ang bayan ay masaya.']],
      // A transliteration that is already a surface form (moskva), one that comes before its Latin spelling (saakyan),
      // and Latin words after the first transliteration.
      ['ru', 'Moskva', ['Москва и Саакян.', 'Saakyan priekhal; Москва вечером, Moskva.']],
      ['hy', 'Սահակյան', ['Sahakyan, Սահակյանը եկավ Երևան։', 'Yerevan and Erevan.']],
      ['fj', 'Na tamata', ['Na tamata kece era sucu, Москва.']],
    ];
    for (const [lang, title, texts] of cases) {
      const analyzer = analyzerFor(lang);
      const tokens = [title, ...texts].flatMap((text) => analyzer.analyze(text));
      const terms = [...new Set(tokens.flatMap((t) => (t.translit === null ? [t.surface] : [t.surface, t.translit])))];
      const stems = analyzer.pipeline.stemmerSource !== 'none';
      const surfaces = stems ? [...new Set(tokens.map((t) => t.surface))] : [];
      const analysis = analyzeForIndex(lang, title, texts);
      expect(analysis.terms, lang).toEqual(terms);
      expect(analysis.surfaces, lang).toEqual(surfaces);
    }
  });
});
