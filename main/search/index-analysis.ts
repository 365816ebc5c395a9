// The search analysis of a newly imported document, computed before its commit (in the parse worker, beside the
// parsing), so the thread that writes the archive only writes: the same streams the indexer would compute from the
// stored title and passages (indexer.ts), and the words it would note for the vocabulary. The indexer uses it only
// when it was computed from exactly the stored title, language and passage texts, and the document has no tags or
// notes yet (an import); otherwise it analyses as always.
import { analyzerFor, newNotingRun } from './analyzer';
import { joinTranslit } from './translit-column';

export interface IndexAnalysis {
  /** The language and title the analysis was computed with (the indexer checks them against the stored row). */
  lang: string;
  title: string;
  /** The title's column of the document's first row: its field stream, then its Latin spellings. */
  titleField: string;
  /** The number of passages analysed. */
  passages: number;
  /**
   * Per passage, in order, `[text column, transliteration column]`, as one JSON array: made where the analysis is
   * made (the parse worker), so the thread that writes the archive hands it to SQLite's json_each as it came, rather
   * than building 5,000 rows and their JSON for a 5,000-passage file (indexer.ts).
   */
  rowsJson: string;
  /** Every word noted for the vocabulary (surface forms and transliterations), first occurrence first. */
  terms: string[];
  /** The surface forms alone, first occurrence first, when the language's pipeline stems (else empty). */
  surfaces: string[];
}

/** The index streams of a document with this title and these passage texts, in this language. */
export function analyzeForIndex(lang: string, title: string, texts: readonly string[]): IndexAnalysis {
  const analyzer = analyzerFor(lang);
  const stems = analyzer.pipeline.stemmerSource !== 'none';
  const terms = new Set<string>();
  // The surface forms are the terms themselves until a transliteration is noted that is no surface form yet (most
  // documents: Latin text has none); from then on they are kept apart.
  let surfaces: Set<string> | undefined;
  const noteTerm = (term: string, surface: boolean) => {
    if (!surface && surfaces === undefined && !terms.has(term)) surfaces = new Set(terms);
    terms.add(term);
    if (surface && surfaces !== undefined) surfaces.add(term);
  };
  // Each word heard once per document (a Set would ignore the repeats).
  const noting = newNotingRun();
  const titleStreams = analyzer.streams(title, noteTerm, noting);
  const titleField = [titleStreams.field, ...titleStreams.translitWords, ...titleStreams.translitStems].join(' ');
  const rows: Array<[string, string]> = [];
  for (const text of texts) {
    const s = analyzer.streams(text, noteTerm, noting);
    rows.push([s.field, joinTranslit(s)]);
  }
  return {
    lang,
    title,
    titleField,
    passages: rows.length,
    rowsJson: JSON.stringify(rows),
    terms: [...terms],
    surfaces: stems ? [...(surfaces ?? terms)] : [],
  };
}

export { joinTranslit } from './translit-column';

/** What an import hands the indexer for one document: the texts it stored and their analysis, maybe still coming. */
export interface PreparedIndex {
  documentId: string;
  /** The title, language and passage texts as stored (well-formed: what the archive gives back). */
  title: string;
  lang: string;
  texts: readonly string[];
  /** Resolves undefined when the analysis could not be made (the indexer then analyses the texts itself). */
  analysis: Promise<IndexAnalysis | undefined>;
}
