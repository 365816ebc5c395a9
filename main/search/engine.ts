// The search engine: query execution (parse, expand, FTS5, highlight), index catch-up and reindex, on
// connections of its own. Usable in-process; SearchWorkerHost runs the same class in a worker thread.
import { AppError } from '../../shared/errors';
import type {
  FacetCount,
  ReindexProgress,
  ReindexReport,
  SearchDocumentGroup,
  SearchFacets,
  SearchHit,
  SearchOptions,
  SearchRequest,
  SearchResult,
  SearchStatus,
  TextRange,
} from '../../shared/types';
import { Database } from '../db/connection';
import { join, raw, sql, type SqlQuery } from '../db/sql';
import { passageTextSql } from '../documents/passage-text';
import { analyzerFor, type Analyzer, type TermForms } from './analyzer';
import {
  ANALYZER_VERSION,
  DOC_SPAN,
  dirtyDocuments,
  indexDocuments,
  markAllDirty,
  readState,
  rebuildTerms,
  writeState,
} from './indexer';
import { scheduleSearchIndexMerge } from './index-merge';
import { normalizeLanguage } from './languages';
import { EXPANSION_LIMIT, HighlightSpec, planQuery, type Plan, type WordHolders } from './plan';
import { addKeyRow, nameKeysOf, nameVariantsFrom, rebuildNameKeys } from './name-index';
import { tokenize } from './tokenize';
import { foldText, lowerText } from '../../shared/text/fold';
import { parseQuery, type Leaf, type ParsedQuery } from './query-parser';
import { snippetFor } from './snippet';
import { Vocabulary, type TermsState } from './vocabulary';
import { logFault } from '../diagnostics';
import { storageProblem } from '../db/storage-errors';

/** The interface the archive talks to; SearchEngine (in-process) and SearchWorkerHost implement it. */
export interface SearchService {
  search(request: SearchRequest): Promise<SearchResult>;
  status(): Promise<SearchStatus>;
  reindex(onProgress?: (progress: ReindexProgress) => void): Promise<ReindexReport>;
  close(): Promise<void>;
}

export interface SearchEngineOptions {
  catchUp?: boolean;
  /** The archive is open read-only (see archive/read-only.ts): the engine never writes. */
  readOnly?: { reason: string; immutable: boolean };
}

export const DEFAULT_LIMIT = 20;
/** Hits shown per document when results are grouped by document. */
const HITS_PER_DOCUMENT = 3;
/** A search re-indexes up to this many changed documents before it runs; more go to the background. */
const INLINE_CATCH_UP = 20;
/** The word the warm-up after open searches for (no document holds it: the statements read no rows). */
const WARM_UP_WORD = 'zzqxjwarmup';
/** Plans of recent searches kept (see SearchEngine.plans). */
const KEPT_PLANS = 200;
/** Documents per transaction in the background catch-up and reindex (short write locks). */
const BATCH_DOCUMENTS = 100;

/**
 * A group of the page statement's 'facets' row: the matching documents of one language and media type, their
 * passages and their number (the language and the type facets are both sums of these).
 */
type LangTypeRow = [string, string, number, number];
/** A tag of the page statement's 'tags' row: its name, the matching passages and documents it tags. */
type TagRow = [string, number, number];

/**
 * A hit in the page statement's 'hits' row: rowid, score (its 17 significant digits, as text), kind, passage id, text,
 * document id, title, language, media type, date (the ids and details null when the passage is gone).
 */
type HitJson = [
  number,
  string,
  number,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
];
/** A document of the page in the 'docs' row: its number, matching passages, best score (17 digits, as text), tier. */
type DocJson = [number, number, string, number];

interface PageRow {
  kind: string;
  a: number | string | null;
  b: number | null;
  c: number | null;
  d: number | null;
}

/** What a plan depends on in the archive: the index generation, the term list's state, waiting documents. */
interface IndexState {
  generation: number;
  terms: TermsState;
  dirty: boolean;
}

interface KeptPlan {
  parsed: ParsedQuery;
  plan: Plan;
  /** The state the plan was made in (its look-up's), and the state of the vocabulary in memory then. */
  state: IndexState;
  vocabulary: string;
}

const sameState = (a: IndexState, b: IndexState) =>
  a.generation === b.generation && a.terms.epoch === b.terms.epoch && a.terms.maxId === b.terms.maxId;

interface HitRow {
  num: number;
  ord: number;
  score: number;
  passage_id: string;
  text: string;
  doc_id: string;
  title: string;
  lang: string;
  media_type: string;
  published_at: string | null;
}

export class SearchEngine implements SearchService {
  private write: Database | null = null;
  private readonly vocabulary = new Vocabulary();
  private vocabularyReady = false;
  private langs: { generation: number; codes: string[]; scopes: Map<string, Analyzer[]> } | null = null;
  private background: Promise<void> | null = null;
  private reindexing = false;
  /** Set by reindex: a running catch-up stops after its batch (the reindex takes over its queue). */
  private stopBackground = false;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /**
   * The plans of recent searches by query and options (the same query again: another page, the other grouping, the
   * query sent again as it is typed or refined), with the state they were made in. A plan is a function of that
   * state: the look-up's rows (search_terms, search_term_pipelines, search_name_keys) and the archive's languages
   * change only with the generation (indexing) or the terms epoch (a reindex's rebuild), and the vocabulary in memory
   * is stamped. Such a search runs its page statement at once, which also reads the state in its own snapshot: when
   * that is the plan's (and no document waits), the page is the answer the look-up and planning would have given;
   * otherwise it is dropped and the search runs as a new one.
   */
  private readonly plans = new Map<string, KeptPlan>();
  /**
   * Whether the last page statement saw tagged documents (document_tags rows). Without any, the page statement
   * leaves out its tag facet's join (~0.04 ms of a rare word's ~0.5 ms statement at 300k); it reports whether
   * documents are tagged, and a page read without the join from a snapshot that has some is read again with it. The
   * warm-up's statement starts without it: an archive without tags gets the statement its searches will run
   * prepared, one with tags runs the warm-up's again with the join (and prepares that one).
   */
  private tagged = false;

  private constructor(
    private readonly read: Database,
    readonly path: string,
  ) {}

  /**
   * Opens the engine on an archive file (already migrated); starts catching up on stale documents. On an
   * archive open read-only it searches the index as it is: stale documents are reported as pending.
   */
  static async open(path: string, options: SearchEngineOptions = {}): Promise<SearchEngine> {
    const readOnly = options.readOnly;
    const read = await Database.open(path, {
      reader: false,
      onSlowQuery: () => undefined,
      ...(readOnly ? { readOnly: true, immutable: readOnly.immutable, readOnlyReason: readOnly.reason } : {}),
    });
    const engine = new SearchEngine(read, path);
    if (options.catchUp !== false && !readOnly) await engine.startupCheck();
    // The first search queues behind the warm-up (it does what that search would do first, in less time).
    engine.queue = engine.warmUp().catch(() => undefined);
    return engine;
  }

  /**
   * Done once after open, ahead of the first search: SQLite reads the schema, sets up FTS5 and prepares the page
   * statement of a one-word search (a word no document holds) while this thread makes the look-up's name keys (their
   * tables are built by a first word); then the look-up and the archive's languages, whose analyzers are made (their
   * stop words) and, while statements still run, their stemmers loaded (a lunr plugin each, compiled by a first word),
   * one at a time with a turn of the event loop between them so that SQLite's callbacks are not held up: the two
   * overlap instead of adding up. The other stemmers are loaded when a word is first stemmed under them: a search
   * stems its words only under the pipelines whose documents hold them, and highlights under its hits' languages.
   */
  private async warmUp(): Promise<void> {
    await this.read.read(async () => {
      const parsed = parseQuery(WARM_UP_WORD);
      const options: SearchOptions = { stems: true, translit: true, names: true };
      const nothing: Plan = {
        match: `"${WARM_UP_WORD}"`,
        disjunctive: true,
        text: new HighlightSpec(),
        title: new HighlightSpec(),
        expansions: [],
        words: [],
      };
      const page = { limit: DEFAULT_LIMIT, offset: 0, groupBy: 'passage' } as const;
      let done = false;
      const statements = this.run(nothing, parsed, emptyResult(0, page.limit, page.groupBy, options), page);
      statements.catch(() => undefined).finally(() => (done = true));
      const known = await this.lookUp(parsed, options, true);
      const codes = await this.languageCodes(known.generation);
      for (const analyzer of this.analyzersInScope(parsed, codes)) analyzer.isStop(WARM_UP_WORD);
      for (const code of new Set(['', ...codes].map(normalizeLanguage))) {
        await new Promise((resolve) => setImmediate(resolve));
        if (done) break;
        // Its first word also compiles the stemmer's code.
        analyzerFor(code).forms(WARM_UP_WORD);
      }
      await statements;
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.background?.catch(() => undefined);
    await this.queue.catch(() => undefined);
    await this.write?.close();
    await this.read.close();
  }

  // ---- indexing ---------------------------------------------------------------------------------

  private async writer(): Promise<Database> {
    if (this.read.readOnlyReason !== undefined) throw this.read.refusal();
    // A short busy handler: the optional catch-up before a search gives up at once when another process
    // writes; the background catch-up and reindex retry (with backoff) until they get their turn.
    this.write ??= await Database.open(this.path, { reader: false, onSlowQuery: () => undefined, busyTimeoutMs: 100 });
    return this.write;
  }

  /** An archive indexed by an older analyzer is re-indexed; pending documents are caught up. */
  private async startupCheck(): Promise<void> {
    const version = await readState(this.read, 'analyzer_version');
    if (version !== ANALYZER_VERSION) {
      const db = await this.writer();
      await db.transaction(async (tx) => {
        await markAllDirty(tx);
        // The name keys of the words already known (words new to the index get theirs as they are added).
        await rebuildNameKeys(tx);
        await writeState(tx, 'analyzer_version', ANALYZER_VERSION);
      });
    }
    // A few documents are indexed by the first search; many start now, in the background.
    if ((await dirtyDocuments(this.read, INLINE_CATCH_UP + 1)).length > INLINE_CATCH_UP) this.runBackground();
  }

  private runBackground(): void {
    if (this.background || this.closed) return;
    this.background = this.catchUpAll().finally(() => {
      this.background = null;
    });
    this.background.catch((err: unknown) => logFault(err, 'search index catch-up'));
  }

  /** Indexes dirty documents in small transactions until none is left. */
  private async catchUpAll(
    knownTerms?: Set<string>,
    onBatch?: (documents: number, passages: number) => void,
    isReindex = false,
  ): Promise<void> {
    const db = await this.writer();
    while (!this.closed && (isReindex || !this.stopBackground)) {
      const ids = await dirtyDocuments(db, BATCH_DOCUMENTS);
      if (ids.length === 0) break;
      const done = await db.transaction((tx) => indexDocuments(tx, ids, { knownTerms }));
      onBatch?.(ids.length, done.passages);
      await new Promise((resolve) => setImmediate(resolve));
    }
    // The segments these batches added are merged once they are all written (index-merge.ts). Not scheduled
    // after each batch: a batch slower than the quiet time (a loaded machine) would start a merge mid-run, and
    // the later batches' small segments would then be left beside the merged one as not worth another rewrite.
    // A catch-up stopped for a reindex leaves the merge to the reindex's end.
    if (!this.closed && (isReindex || !this.stopBackground)) scheduleSearchIndexMerge(db);
  }

  async reindex(onProgress?: (progress: ReindexProgress) => void): Promise<ReindexReport> {
    const started = performance.now();
    this.stopBackground = true;
    await this.background?.catch(() => undefined);
    this.stopBackground = false;
    this.reindexing = true;
    const db = await this.writer();
    try {
      // The old index stays in place and answers searches until each document's new rows replace its old
      // ones, a batch per transaction: a reindex that is killed, or stopped by a full disk, leaves every
      // document searchable (those not yet redone are reported as pending and caught up by the next run).
      await db.transaction(async (tx) => {
        await markAllDirty(tx);
        // Rows of documents that no longer exist are dropped by their own batch.
        await tx.run(sql`INSERT OR IGNORE INTO search_dirty (document_id)
          SELECT document_id FROM search_docs WHERE document_id NOT IN (SELECT id FROM documents)`);
      });
      const total = (await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM search_dirty`))?.n ?? 0;
      const report: ReindexReport = { documents: 0, passages: 0, ms: 0 };
      onProgress?.({ done: 0, total });
      const run = this.catchUpAll(
        new Set(),
        (documents, passages) => {
          report.documents += documents;
          report.passages += passages;
          onProgress?.({ done: Math.min(report.documents, total), total });
        },
        true,
      );
      this.background = run;
      await run.finally(() => {
        this.background = null;
      });
      await db.transaction(async (tx) => {
        await rebuildTerms(tx);
        await writeState(tx, 'analyzer_version', ANALYZER_VERSION);
      });
      this.vocabularyReady = false;
      report.ms = Math.round(performance.now() - started);
      return report;
    } finally {
      this.reindexing = false;
    }
  }

  async status(): Promise<SearchStatus> {
    const row = await this.read.get<{ indexed: number; total: number; pending: number }>(sql`
      SELECT (SELECT coalesce(sum(passages), 0) FROM search_docs) AS indexed,
             (SELECT count(*) FROM passages) AS total,
             (SELECT count(*) FROM search_dirty) AS pending`);
    return {
      indexedPassages: row?.indexed ?? 0,
      totalPassages: row?.total ?? 0,
      pendingDocuments: row?.pending ?? 0,
      reindexing: this.reindexing,
    };
  }

  // ---- searching --------------------------------------------------------------------------------

  search(request: SearchRequest): Promise<SearchResult> {
    const run = this.queue.then(() => this.execute(request));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async execute(request: SearchRequest, correcting = false): Promise<SearchResult> {
    const started = performance.now();
    const limit = request.limit ?? DEFAULT_LIMIT;
    const offset = request.offset ?? 0;
    const groupBy = request.groupBy ?? 'passage';
    const { stems = true, translit = true, names = true } = request;
    const options: SearchOptions = { stems, translit, names };
    const empty = () => emptyResult(offset, limit, groupBy, options);
    const query = request.query.trim();
    if (!query) return empty();
    const key = JSON.stringify([query, stems, translit, names]);
    const kept = this.plans.get(key);
    const parsed = kept?.parsed ?? parseQuery(query);
    if (parsed.clauses.length === 0) {
      throw new AppError(
        'BAD_QUERY',
        `Cannot understand the search “${query}”: filters narrow a search, add a word or "phrase" to look for.`,
      );
    }
    if (parsed.clauses.every((c) => c.presence === 'prohibited')) {
      throw new AppError(
        'BAD_QUERY',
        `Cannot understand the search “${query}”: -word only excludes; add a word or "phrase" to look for.`,
      );
    }

    let result = empty();
    // A search is two statements, the look-up and the page (its matches, passages, totals and facets: one
    // statement, so its parts always agree); they run as they come, without BEGIN … COMMIT around them (two more
    // trips to SQLite's thread on every search). A commit between them can only change which stems the plan
    // looked for (or which words a wildcard or fuzzy term expanded to), as if the search had started a moment
    // earlier. A search that needs more statements (the vocabulary of wildcards and fuzzy terms when the look-up
    // finds it changed, the archive's languages after the index changed) runs them all in one snapshot. The look-up
    // also says whether documents wait to be (re)indexed; only then does the search
    // catch up (as catchUpBeforeSearch says) and start again, so a search of an index with nothing to do costs no
    // check.
    const expands = (l: Leaf) => l.kind === 'term' && (l.wildcard || l.editDistance > 0);
    const expandsTerms = parsed.clauses.some((c) => c.leaves.some(expands));
    let pending = 0;
    let caughtUp = false;
    const page = { limit, offset, groupBy };
    if (kept && kept.vocabulary === this.vocabulary.stamp) {
      const state = await this.run(kept.plan, parsed, result, page);
      if (!state.dirty && sameState(state, kept.state)) {
        this.keepPlan(key, kept);
        return this.finish(request, query, kept.plan, result, 0, correcting, started);
      }
      result = empty();
    }
    const attempt = (snapshot: boolean) => {
      const body = async (): Promise<Plan | 'dirty' | 'snapshot'> => {
        const known = await this.lookUp(parsed, options, !caughtUp);
        if (known.dirty) return 'dirty';
        if (!snapshot && this.langs?.generation !== known.generation) return 'snapshot';
        // The vocabulary in memory (wildcards, fuzzy terms) is read again in the snapshot when the look-up saw it
        // change; when it did not, the search needs no more statements than a plain one.
        const vocabularyStale = expandsTerms && !(this.vocabularyReady && this.vocabulary.isAt(known.terms));
        if (!snapshot && vocabularyStale) return 'snapshot';
        const analyzers = this.analyzersInScope(parsed, await this.languageCodes(known.generation));
        // Name variants of the query's words come from search_name_keys; the vocabulary in memory is loaded for
        // wildcards and fuzzy terms (and the name variants of what they expand to).
        if (vocabularyStale) await this.refreshVocabulary();
        const planned = planQuery(parsed, analyzers, options, this.vocabulary, known.holders);
        if (planned.match !== null) {
          await this.run(planned, parsed, result, page);
          const state = { generation: known.generation, terms: known.terms, dirty: false };
          this.keepPlan(key, { parsed, plan: planned, state, vocabulary: this.vocabulary.stamp });
        }
        return planned;
      };
      return snapshot ? this.read.read(body) : body();
    };
    const search = async () => {
      const out = await attempt(false);
      return out === 'snapshot' ? attempt(true) : out;
    };
    let plan = await search();
    if (plan === 'dirty') {
      pending = await this.catchUpBeforeSearch();
      caughtUp = true;
      result = empty();
      plan = await search();
    }
    if (typeof plan === 'string') throw new AppError('INTERNAL', 'The search index changed while searching.');
    return this.finish(request, query, plan, result, pending, correcting, started);
  }

  /** Keeps a plan as the most recently used one, dropping the least recently used beyond KEPT_PLANS. */
  private keepPlan(key: string, kept: KeptPlan): void {
    this.plans.delete(key);
    if (this.plans.size >= KEPT_PLANS) this.plans.delete(this.plans.keys().next().value!);
    this.plans.set(key, kept);
  }

  private async finish(
    request: SearchRequest,
    query: string,
    plan: Plan,
    result: SearchResult,
    pending: number,
    correcting: boolean,
    started: number,
  ): Promise<SearchResult> {
    result.expansions = plan.expansions.map((e) => ({ ...e, to: [...e.to] }));
    result.pendingDocuments = pending;
    if (result.total === 0 && !correcting) result.didYouMean = await this.didYouMean(request, query, plan);
    result.tookMs = Math.round((performance.now() - started) * 10) / 10;
    return result;
  }

  /** Re-indexes a few changed documents now (so edits are searchable at once); many go to the background. */
  private async catchUpBeforeSearch(): Promise<number> {
    const dirty = await dirtyDocuments(this.read, INLINE_CATCH_UP + 1);
    if (dirty.length === 0) return 0;
    if (this.read.readOnlyReason !== undefined)
      return (await this.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM search_dirty`))?.n ?? 0;
    if (dirty.length <= INLINE_CATCH_UP) {
      if (this.background && !this.reindexing) {
        await this.background.catch(() => undefined);
        return 0;
      }
      if (!this.background) {
        // Only if the write lock is free now: while another process writes, the search answers at once
        // from the index as it is and reports these documents as pending (the background takes them).
        const db = await this.writer();
        try {
          await db.transaction((tx) => indexDocuments(tx, dirty), 'IMMEDIATE', { lockWaitMs: 0 });
          if (!this.reindexing) return 0;
        } catch (err) {
          if (storageProblem(err) !== 'busy') throw err;
        }
      }
    }
    this.runBackground();
    return (await this.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM search_dirty`))?.n ?? 0;
  }

  /** The languages of the indexed documents (read again when the index changed). */
  private async languageCodes(generation: number): Promise<string[]> {
    if (!this.langs || this.langs.generation !== generation) {
      const rows = await this.read.all<{ lang: string }>(sql`SELECT DISTINCT lang FROM search_docs`);
      this.langs = { generation, codes: rows.map((r) => r.lang), scopes: new Map() };
    }
    return this.langs.codes;
  }

  /** One analyzer per pipeline among the archive's languages `all` (narrowed by lang: filters). */
  private analyzersInScope(parsed: ParsedQuery, all: string[]): Analyzer[] {
    const scopes = this.langs!.scopes;
    const { langs, notLangs } = parsed.filters;
    // The same scope (no lang: filter, usually) gives the same analyzers until the index changes.
    const scope = JSON.stringify([langs, notLangs]);
    const known = scopes.get(scope);
    if (known) return known;
    let codes = all;
    if (langs.length) codes = codes.filter((c) => langs.includes(c) || langs.includes(normalizeLanguage(c)));
    if (notLangs.length) codes = codes.filter((c) => !notLangs.includes(c));
    // The plain pipeline always takes part: a word typed in any language is also looked up as written.
    const out = new Map<string, Analyzer>([['', analyzerFor('')]]);
    for (const code of codes) {
      const analyzer = analyzerFor(code);
      out.set(analyzer.pipeline.code, analyzer);
    }
    const analyzers = [...out.values()];
    if (scopes.size >= 64) scopes.clear();
    scopes.set(scope, analyzers);
    return analyzers;
  }

  /**
   * In one statement: the index generation, and for the query's words (not wildcards or fuzzy terms) whether the
   * index holds them, the stemming pipelines whose documents do (single words), and the vocabulary words sharing
   * their name keys (every word of terms and phrases; their spellings in other scripts); with `checkDirty`, whether
   * any document waits to be (re)indexed.
   */
  private async lookUp(
    parsed: ParsedQuery,
    options: SearchOptions,
    checkDirty: boolean,
  ): Promise<IndexState & { holders: WordHolders | null }> {
    const single = new Set<string>();
    const all = new Set<string>();
    for (const clause of parsed.clauses)
      for (const leaf of clause.leaves) {
        if (leaf.kind === 'term' && (leaf.wildcard || leaf.editDistance > 0)) continue;
        const words = tokenize(leaf.text).map((t) => foldText(lowerText(t.text)));
        for (const w of words) all.add(w);
        if (leaf.kind === 'term' && words.length === 1) single.add(words[0]);
      }
    const parts = [sql`SELECT 'g' AS k, NULL AS a, value AS b FROM search_state WHERE key = 'generation'`];
    if (checkDirty) parts.push(sql`SELECT 'd', NULL, NULL WHERE EXISTS (SELECT 1 FROM search_dirty)`);
    parts.push(sql`SELECT 'e', NULL, value FROM search_state WHERE key = 'terms_epoch'`);
    parts.push(sql`SELECT 'x', NULL, max(id) FROM search_terms`);
    const list = (items: Iterable<string>) => join([...items].map((w) => sql`${w}`));
    if (options.stems && single.size) {
      parts.push(sql`SELECT 't', term, NULL FROM search_terms WHERE term IN (${list(single)})`);
      parts.push(sql`SELECT 'p', term, pipeline FROM search_term_pipelines WHERE term IN (${list(single)})`);
      // The words' beginnings too: a stem is (almost always) one, and its bare form is searched only where the
      // documents of the language that made it hold it as a word (plan.ts). As one JSON parameter, so that the
      // statement's text (and its prepared statement) does not change with the words' lengths.
      const beginnings = new Set<string>();
      for (const w of single) {
        const letters = Array.from(w);
        for (let n = 1; n < letters.length; n++) beginnings.add(letters.slice(0, n).join(''));
      }
      for (const w of single) beginnings.delete(w);
      if (beginnings.size)
        parts.push(sql`SELECT 'p', term, pipeline FROM search_term_pipelines
          WHERE term IN (SELECT value FROM json_each(${JSON.stringify([...beginnings])}))`);
    }
    const keysOf = nameKeysOf(options.names ? all : []);
    const keys = new Set([...keysOf.values()].flat());
    if (keys.size) parts.push(sql`SELECT 'n', key, term FROM search_name_keys WHERE key IN (${list(keys)})`);
    const rows = await this.read.all<{ k: string; a: string | null; b: string | number | null }>(
      join(parts, ' UNION ALL '),
      { prepared: true },
    );
    let generation = 0;
    let dirty = false;
    const terms: TermsState = { epoch: 0, maxId: 0 };
    const indexed = new Set<string>();
    const pipelines = new Map<string, Set<string>>();
    const byKey = new Map<string, string[]>();
    for (const r of rows) {
      if (r.k === 'g') generation = Number(r.b);
      else if (r.k === 'd') dirty = true;
      else if (r.k === 'e') terms.epoch = Number(r.b);
      else if (r.k === 'x') terms.maxId = Number(r.b ?? 0);
      else if (r.k === 't') indexed.add(r.a!);
      else if (r.k === 'p') {
        const set = pipelines.get(r.a!);
        if (set) set.add(String(r.b));
        else pipelines.set(r.a!, new Set([String(r.b)]));
      } else addKeyRow(byKey, r.a!, String(r.b));
    }
    if (all.size === 0) return { generation, holders: null, dirty, terms };
    const names = nameVariantsFrom(keysOf, byKey, EXPANSION_LIMIT);
    return { generation, holders: { indexed, pipelines, names }, dirty, terms };
  }

  private async refreshVocabulary(): Promise<void> {
    await this.vocabulary.refresh(this.read);
    this.vocabularyReady = true;
  }

  private filterSql(parsed: ParsedQuery): SqlQuery {
    const f = parsed.filters;
    const docConds: SqlQuery[] = [];
    if (f.langs.length) docConds.push(sql`lang IN (${join(f.langs.map((l) => sql`${l}`))})`);
    if (f.notLangs.length) docConds.push(sql`lang NOT IN (${join(f.notLangs.map((l) => sql`${l}`))})`);
    if (f.types.length) docConds.push(sql`media_type IN (${join(f.types.map((t) => sql`${t}`))})`);
    if (f.notTypes.length) docConds.push(sql`media_type NOT IN (${join(f.notTypes.map((t) => sql`${t}`))})`);
    if (f.docs.length) docConds.push(sql`document_id IN (${join(f.docs.map((d) => sql`${d}`))})`);
    if (f.notDocs.length) docConds.push(sql`document_id NOT IN (${join(f.notDocs.map((d) => sql`${d}`))})`);
    // Partial dates (2012, 2012-03) are intervals: they match a range they overlap.
    if (f.dateFrom) docConds.push(sql`published_at IS NOT NULL AND published_at || '~' >= ${f.dateFrom}`);
    if (f.dateTo) docConds.push(sql`published_at IS NOT NULL AND published_at <= ${`${f.dateTo}~`}`);
    if (docConds.length === 0) return raw('');
    return sql` AND (rowid / ${DOC_SPAN}) IN (SELECT num FROM search_docs WHERE ${join(docConds, ' AND ')})`;
  }

  private async run(
    plan: Plan,
    parsed: ParsedQuery,
    result: SearchResult,
    page: { limit: number; offset: number; groupBy: 'passage' | 'document' },
  ): Promise<IndexState> {
    // A title is indexed in the row of the document's first passage only. That row, when it matches only
    // through the title (not without it), is the document's title hit: kind k = 1, ranked after the
    // passages that contain the words. Only the first matching row of each document can be one: a row that matches
    // through its title alone is a title row, the document's lowest rowid (so no look-up of the first match). The match
    // without the title runs over the whole index (rowids only, unranked: cheap); restricting it with
    // `rowid IN (…)` would make FTS5 evaluate the whole expression once per candidate row (seconds for a prefix).
    // When the expression has no AND (plan.disjunctive: a word, its forms, a phrase, a field, a wildcard, a fuzzy
    // term, OR'ed, less what NOT excludes) there is no second match: a row matches without its title exactly when one
    // of its phrases occurs in another column, that is when bm25 with a title weight of 0 is not 0 (FTS5 counts a
    // phrase's instances in the columns of its filter only; every instance adds a positive amount). With an AND, a
    // row none of whose phrases occurs in its title (bm25 with only the title weight is 0) matches without the title
    // as it matches with it, so the match without the title is run (once) only when a row has a title instance.
    const filter = this.filterSql(parsed);
    const withoutTitle = `{text note tag translit} : (${plan.match!})`;
    const matches = plan.disjunctive
      ? sql`SELECT rowid AS r, rank AS score, bm25(search_fts, 0.0, 1.0, 1.0, 1.0, 1.0) = 0 AS k FROM search_fts
          WHERE search_fts MATCH ${plan.match!}${filter}`
      : sql`SELECT r, score, CASE WHEN tt != 0 THEN r NOT IN (SELECT rowid FROM search_fts WHERE search_fts MATCH
          ${withoutTitle}) ELSE 0 END AS k FROM (SELECT rowid AS r, rank AS score,
          bm25(search_fts, 1.0, 0.0, 0.0, 0.0, 0.0) AS tt FROM search_fts
          WHERE search_fts MATCH ${plan.match!}${filter})`;
    const span = raw(String(DOC_SPAN));
    const pagePart =
      page.groupBy === 'passage'
        ? sql`SELECT r, score, k FROM m ORDER BY k, score, r LIMIT ${page.limit} OFFSET ${page.offset}`
        : sql`SELECT r, score, k FROM (
                SELECT r, score, k, row_number() OVER (PARTITION BY r / ${span} ORDER BY k, score, r) AS j FROM m
                WHERE r / ${span} IN (SELECT num FROM pd ORDER BY tier, best, num LIMIT ${page.limit} OFFSET
                  ${page.offset}))
              WHERE j <= ${HITS_PER_DOCUMENT}`;
    // One statement for the page, its passages, the totals and the facets: one snapshot, one trip to SQLite. The
    // language and media type facets come from one grouping of the matching documents by both (a document has one
    // of each, so each facet is a sum over the other, made here), the tags from a join of their own: no table of
    // the matching documents made for three groupings (0.02-0.07 ms a page at 300k). The hits, the page's documents
    // and the facets come as one JSON row each: the driver makes every row an object of all the columns (~35 rows of
    // 12 on a page), which cost the page statement ~0.1 ms of its ~0.9 ms (p50, 300k passages).
    const withTags = this.tagged;
    const tagPart = withTags
      ? sql`UNION ALL SELECT 'tags', (SELECT json_group_array(json_array(name, passages, documents)) FROM (
            SELECT t.name, sum(pd.n) AS passages, count(*) AS documents FROM pd JOIN search_docs s ON s.num = pd.num
              JOIN document_tags dt ON dt.document_id = s.document_id JOIN tags t ON t.id = dt.tag_id
              GROUP BY t.name)), NULL, NULL, NULL`
      : raw('');
    let rows: PageRow[];
    try {
      rows = await this.read.all<PageRow>(
        sql`
        WITH m AS MATERIALIZED (${matches}),
        pd AS MATERIALIZED (SELECT r / ${span} AS num, count(*) AS n, min(k) AS tier,
          coalesce(min(CASE WHEN k = 0 THEN score END), min(score)) AS best FROM m GROUP BY 1),
        page AS MATERIALIZED (${pagePart})
        SELECT 'hits' AS kind, (SELECT json_group_array(json_array(page.r, printf('%!.17g', page.score), page.k, p.id,
          ${passageTextSql('p', 'd')}, d.id, d.title, d.lang, d.media_type, d.published_at))
          FROM page LEFT JOIN search_docs s ON s.num = page.r / ${span}
          LEFT JOIN documents d ON d.id = s.document_id
          LEFT JOIN passages p ON p.document_id = d.id AND p.ordinal = page.r % ${span}) AS a, NULL AS b, NULL AS c,
          NULL AS d
        UNION ALL SELECT 'docs', (SELECT json_group_array(json_array(num, n, printf('%!.17g', best), tier)) FROM pd
          WHERE num IN (SELECT r / ${span} FROM page)), NULL, NULL, NULL
        UNION ALL SELECT 'total', count(*), sum(n), EXISTS (SELECT 1 FROM document_tags), NULL FROM pd
        UNION ALL SELECT 'facets', (SELECT json_group_array(json_array(lang, media_type, passages, documents)) FROM (
            SELECT s.lang, s.media_type, sum(pd.n) AS passages, count(*) AS documents FROM pd
              JOIN search_docs s ON s.num = pd.num GROUP BY s.lang, s.media_type)), NULL, NULL, NULL
        ${tagPart}
        UNION ALL SELECT 'state', (SELECT value FROM search_state WHERE key = 'generation'),
          (SELECT value FROM search_state WHERE key = 'terms_epoch'), (SELECT max(id) FROM search_terms),
          EXISTS (SELECT 1 FROM search_dirty)`,
        { prepared: true },
      );
    } catch (err) {
      throw new AppError('INTERNAL', `The search index could not run “${plan.match}”: ${(err as Error).message}`);
    }
    const facets: SearchFacets = { lang: [], tag: [], mediaType: [] };
    const ranked: Array<{ r: number; score: number; k: number }> = [];
    const perDoc = new Map<number, { n: number; best: number; tier: number }>();
    const byKey = new Map<number, HitRow>();
    const state: IndexState = { generation: 0, terms: { epoch: 0, maxId: 0 }, dirty: false };
    let tagged = false;
    for (const row of rows) {
      if (row.kind === 'hits') {
        for (const [r, score, k, passageId, text, docId, title, lang, mediaType, publishedAt] of JSON.parse(
          String(row.a),
        ) as HitJson[]) {
          // The score exactly (a number in json_array keeps 15 digits only; 17 give the double back).
          ranked.push({ r, score: Number(score), k });
          // A hit whose document or passage is gone (not in this snapshot's tables) is left out, as before.
          if (passageId !== null && docId !== null)
            byKey.set(r, {
              num: Math.floor(r / DOC_SPAN),
              ord: r % DOC_SPAN,
              score: Number(score),
              passage_id: passageId,
              text: text ?? '',
              doc_id: docId,
              title: title ?? '',
              lang: lang ?? '',
              media_type: mediaType ?? '',
              published_at: publishedAt,
            });
        }
      } else if (row.kind === 'total') {
        result.totalDocuments = Number(row.a ?? 0);
        result.total = Number(row.b ?? 0);
        tagged = Number(row.c) === 1;
      } else if (row.kind === 'docs') {
        for (const [num, n, best, tier] of JSON.parse(String(row.a)) as DocJson[])
          perDoc.set(num, { n, best: Number(best), tier });
      } else if (row.kind === 'state') {
        state.generation = Number(row.a);
        state.terms = { epoch: Number(row.b), maxId: Number(row.c ?? 0) };
        state.dirty = Number(row.d) === 1;
      } else if (row.kind === 'facets') {
        // The facets come as JSON rows (each row is an object to make in the driver: ~3 µs; a common word can have a
        // hundred languages): [language, media type, passages, documents] each, added up into both facets.
        const langs = new Map<string, FacetCount>();
        const types = new Map<string, FacetCount>();
        for (const [lang, type, passages, documents] of JSON.parse(String(row.a)) as LangTypeRow[]) {
          addToFacet(langs, String(lang), Number(passages), Number(documents));
          addToFacet(types, String(type), Number(passages), Number(documents));
        }
        facets.lang.push(...langs.values());
        facets.mediaType.push(...types.values());
      } else if (row.kind === 'tags') {
        for (const [name, passages, documents] of JSON.parse(String(row.a)) as TagRow[])
          facets.tag.push({ value: String(name), passages: Number(passages), documents: Number(documents) });
      }
    }
    this.tagged = tagged;
    // Documents are tagged in this snapshot and the page left out the tag facet (the first search since the archive's
    // first tag): read again, with it.
    if (tagged && !withTags) return this.run(plan, parsed, result, page);
    for (const list of [facets.lang, facets.tag, facets.mediaType])
      list.sort((x, y) => y.passages - x.passages || (x.value < y.value ? -1 : 1));
    result.facets = facets;
    const docOf = (h: { r: number }) => perDoc.get(Math.floor(h.r / DOC_SPAN))!;
    if (page.groupBy === 'document')
      ranked.sort(
        (x, y) =>
          docOf(x).tier - docOf(y).tier ||
          docOf(x).best - docOf(y).best ||
          Math.floor(x.r / DOC_SPAN) - Math.floor(y.r / DOC_SPAN) ||
          x.k - y.k ||
          x.score - y.score,
      );
    else ranked.sort((x, y) => x.k - y.k || x.score - y.score || x.r - y.r);
    if (ranked.length === 0) return state;

    const hits: SearchHit[] = [];
    const groups = new Map<string, SearchDocumentGroup>();
    for (const h of ranked) {
      const d = byKey.get(h.r);
      if (!d) continue;
      const hit = toHit(d, plan);
      hits.push(hit);
      let group = groups.get(d.doc_id);
      if (!group) {
        group = {
          docId: d.doc_id,
          title: d.title,
          lang: d.lang,
          mediaType: d.media_type,
          publishedAt: d.published_at,
          score: hit.score,
          matchingPassages: perDoc.get(d.num)?.n ?? 0,
          hits: [],
        };
        groups.set(d.doc_id, group);
      }
      group.hits.push(hits.length - 1);
    }
    result.hits = hits;
    result.groups = [...groups.values()];
    return state;
  }

  /**
   * When nothing matched: replace each word that is not in the vocabulary by its most frequent near
   * spelling, keep the rest of the query, and offer the result if it finds something.
   */
  private async didYouMean(request: SearchRequest, query: string, plan: Plan): Promise<string | null> {
    if (plan.words.length === 0) return null;
    await this.refreshVocabulary();
    let corrected = query;
    let changed = false;
    for (const w of [...plan.words].sort((a, b) => b.start - a.start)) {
      if (this.vocabulary.has(w.word) || w.word.length < 3) continue;
      let near = this.vocabulary.fuzzy(w.word, 1, 30).filter((m) => m.term !== w.word);
      if (near.length === 0 && w.word.length >= 7)
        near = this.vocabulary.fuzzy(w.word, 2, 30).filter((m) => m.term !== w.word);
      if (near.length === 0) continue;
      const best = await this.mostFrequent(
        near.map((m) => m.term),
        near,
      );
      if (!best) continue;
      const typed = query.slice(w.start, w.end);
      const at = typed.toLowerCase().lastIndexOf(
        typed
          .replace(/^[+-]?([A-Za-z]+:)?/, '')
          .replace(/[~^].*$/, '')
          .toLowerCase(),
      );
      if (at < 0) continue;
      const bare = typed.replace(/^[+-]?([A-Za-z]+:)?/, '').replace(/[~^].*$/, '');
      corrected =
        corrected.slice(0, w.start + at) + (await this.spelling(best)) + corrected.slice(w.start + at + bare.length);
      changed = true;
    }
    if (!changed) return null;
    const check = await this.execute({ ...request, query: corrected, limit: 1, offset: 0 }, true);
    return check.total > 0 ? corrected : null;
  }

  private async mostFrequent(terms: string[], near: Array<{ term: string; distance: number }>): Promise<string | null> {
    const rows = await this.read.all<{ term: string; doc: number }>(
      sql`SELECT term, doc FROM search_vocab WHERE term IN (${join(terms.map((t) => sql`${t}`))})`,
    );
    const docs = new Map(rows.map((r) => [r.term, r.doc]));
    const distance = new Map(near.map((m) => [m.term, m.distance]));
    const scored = terms
      .filter((t) => (docs.get(t) ?? 0) > 0)
      .sort((a, b) => distance.get(a)! - distance.get(b)! || docs.get(b)! - docs.get(a)!);
    return scored[0] ?? null;
  }

  /** How a folded term is actually written: taken from a passage that contains it. */
  private async spelling(term: string): Promise<string> {
    const row = await this.read.get<{ text: string; title: string; lang: string }>(sql`
      SELECT ${passageTextSql('p', 'd')} AS text, d.title, d.lang FROM search_fts f
      JOIN search_docs s ON s.num = f.rowid / ${DOC_SPAN} JOIN documents d ON d.id = s.document_id
      JOIN passages p ON p.document_id = d.id AND p.ordinal = f.rowid % ${DOC_SPAN}
      WHERE search_fts MATCH ${`{title text} : "${term.replace(/"/g, '""')}"`} LIMIT 1`);
    if (!row) return term;
    const analyzer = analyzerFor(row.lang);
    for (const source of [row.text, row.title]) {
      const token = analyzer.analyze(source).find((t) => t.surface === term);
      if (token) return source.slice(token.start, token.end).toLowerCase();
    }
    return term;
  }

  /** For tests: whether the vocabulary has been loaded. */
  get vocabularyLoaded(): boolean {
    return this.vocabularyReady;
  }
}

function emptyResult(
  offset: number,
  limit: number,
  groupBy: 'passage' | 'document',
  options: SearchOptions,
): SearchResult {
  return {
    total: 0,
    hits: [],
    totalDocuments: 0,
    offset,
    limit,
    groupBy,
    groups: [],
    facets: { lang: [], tag: [], mediaType: [] },
    expansions: [],
    didYouMean: null,
    options,
    pendingDocuments: 0,
    tookMs: 0,
  };
}

/** Adds a group's counts to its value's count in a facet. */
function addToFacet(facet: Map<string, FacetCount>, value: string, passages: number, documents: number): void {
  const count = facet.get(value);
  if (count) {
    count.passages += passages;
    count.documents += documents;
  } else facet.set(value, { value, passages, documents });
}

function toHit(d: HitRow, plan: Plan): SearchHit {
  const analyzer = analyzerFor(d.lang);
  const matches = findMatches(analyzer, d.text, plan.text);
  const snippet = snippetFor(d.text, matches);
  return {
    docId: d.doc_id,
    title: d.title,
    passageId: d.passage_id,
    ordinal: d.ord,
    lang: d.lang,
    score: Math.round(-d.score * 1000) / 1000,
    snippet: snippet.text,
    matches,
    snippetMatches: snippet.matches,
    titleMatches: findMatches(analyzer, d.title, plan.title),
    mediaType: d.media_type,
    publishedAt: d.published_at,
  };
}

/**
 * Ranges of the words (and phrases) of a text that the query matched, found by re-tokenising it. The word forms
 * come from the analyzer's memo (Analyzer.eachWord: no object per token, an ASCII word not cut from the text: this
 * runs for every hit of every page); when the query searched no stem (phrases, wildcards, fuzzy terms), a Latin word
 * not met yet is not stemmed (Analyzer.unstemmedForms), its stem being what no word of the query can match.
 */
export function findMatches(analyzer: Analyzer, text: string, spec: HighlightSpec): TextRange[] {
  if (spec.empty) return [];
  const { surfaces, stems, translits } = spec;
  const phrased = spec.phrases.length > 0 || spec.translitPhrases.length > 0;
  // The words' forms and offsets, kept only for phrases.
  const forms: TermForms[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const ranges: TextRange[] = [];
  const split = analyzer.pipeline.stemmerSource === 'none' ? unspacedRunFilter(spec) : undefined;
  // Without a stem to find, a word's stem is made only when its transliteration's may be one (see unstemmedForms).
  analyzer.eachWord(text, split, stems.size === 0, (found, start, end) => {
    const f = found ?? NO_FORMS;
    if (phrased) {
      forms.push(f);
      starts.push(start);
      ends.push(end);
    }
    if (
      found !== null &&
      (surfaces.has(f.surface) ||
        stems.has(f.stem) ||
        (f.translit !== null &&
          (translits.has(f.translit) || (f.translitStem !== null && translits.has(f.translitStem)))))
    ) {
      ranges.push([start, end]);
    }
  });
  if (phrased) {
    const phraseRuns = (phrases: string[][], key: (f: TermForms) => string | null) => {
      for (const phrase of phrases) {
        for (let i = 0; i + phrase.length <= forms.length; i++) {
          let ok = true;
          for (let k = 0; k < phrase.length && ok; k++) ok = key(forms[i + k]) === phrase[k];
          if (ok) ranges.push([starts[i], ends[i + phrase.length - 1]]);
        }
      }
    };
    if (spec.phrases.length) phraseRuns(spec.phrases, (f) => f.surface);
    if (spec.translitPhrases.length) phraseRuns(spec.translitPhrases, (f) => f.translit);
  }
  return mergeRanges(ranges);
}

/** The forms of a run left unsplit (see unspacedRunFilter): equal to no word of a query (none holds U+0000). */
const NO_FORMS: TermForms = { surface: '\u0000', stem: '\u0000', translit: '\u0000', translitStem: null, stop: false };
/** Letters that transliterate.ts spells in Latin (Greek, Cyrillic, Armenian). */
const TRANSLITERATED = /[\u0370-\u03FF\u1F00-\u1FFF\u0400-\u052F\u0531-\u058F]/;
const runFilters = new WeakMap<HighlightSpec, (run: string) => boolean>();

/**
 * Which runs of an unspaced script (Chinese, Japanese, Thai…) findMatches must split into words, for an analyzer
 * without a stemmer: those whose folded text contains a word of the query (a surface, stem or transliteration, a
 * word of a phrase). Under such an analyzer every form of a word of the run (its surface, its stem — the word
 * trimmed —, its transliteration, itself unless the run has Greek, Cyrillic or Armenian letters) is a substring of
 * the run's folded text, since folding a run is folding its words one after the other (words end at grapheme
 * boundaries). A run that holds none of the query's words can therefore give no highlight, nor be part of a phrase:
 * it stays one token that matches nothing.
 */
function unspacedRunFilter(spec: HighlightSpec): (run: string) => boolean {
  let filter = runFilters.get(spec);
  if (!filter) {
    const words = [
      ...new Set([
        ...spec.surfaces,
        ...spec.stems,
        ...spec.translits,
        ...spec.phrases.flat(),
        ...spec.translitPhrases.flat(),
      ]),
    ];
    filter = (run) => {
      if (TRANSLITERATED.test(run)) return true;
      const folded = foldText(lowerText(run));
      return words.some((w) => folded.includes(w));
    };
    runFilters.set(spec, filter);
  }
  return filter;
}

function mergeRanges(ranges: TextRange[]): TextRange[] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: TextRange[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
