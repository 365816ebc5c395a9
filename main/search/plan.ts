// Turns a parsed query into an FTS5 MATCH expression, with the expansions that ran and what to highlight.
//
// A word becomes the alternatives it may be indexed as: its folded form, its stems under every language
// pipeline in scope ("§"-marked, and bare where documents of the stem's language hold it as a word), and, with
// transliteration on, its Latin spelling (or, for a Latin word, itself) in the transliteration column. A name-like
// word also becomes the vocabulary's words with the same cross-script name key (shared/text/name-key.ts): a
// capitalised word all of them (Sahakyan → sahakian, саакяна, սահակյանը); a lower-case one only its near spellings,
// compared in Latin letters, and only when one of them is in another script (sahakyan → саакяна, sahakian; not
// sagian). Wildcards and fuzzy terms expand against the vocabulary.
// Presence follows lunr: required clauses must all match, prohibited ones must not, and without required
// clauses at least one optional clause must; optional clauses always add to the score. Boosts repeat a
// clause (bm25 sums over the query's phrases, so `a^3` counts a three times).
import { editDistance } from '../../shared/text/edit-distance';
import { nameScript } from '../../shared/text/name-key';
import type { SearchExpansion } from '../../shared/types';
import { STEM_MARK, type Analyzer } from './analyzer';
import type { Clause, Field, Leaf, ParsedQuery } from './query-parser';
import { foldText, hasNonLatinLetters, lowerText } from '../../shared/text/fold';
import { tokenize } from './tokenize';
import { transliterate } from './transliterate';
import type { Vocabulary } from './vocabulary';
import type { NameVariant } from './name-index';

/**
 * What the index says about the query's own words, looked up before planning: which stemming pipelines'
 * documents hold them (search_term_pipelines; a word in the index is stemmed only under those pipelines, a word
 * no document holds as typed under all), and their name spellings in other scripts (search_name_keys).
 */
export interface WordHolders {
  /** The words that are in the index as written (search_terms). */
  indexed: Set<string>;
  /** Word → codes of the stemming pipelines whose documents hold it. */
  pipelines: Map<string, Set<string>>;
  /** Word → its name variants (as Vocabulary.nameVariants), for the words looked up. */
  names: Map<string, NameVariant[]>;
}

export interface PlanOptions {
  stems: boolean;
  translit: boolean;
  names: boolean;
}

/** What to mark in a passage: words by their forms, and phrases as sequences of folded words. */
export class HighlightSpec {
  readonly surfaces = new Set<string>();
  readonly stems = new Set<string>();
  readonly translits = new Set<string>();
  readonly phrases: string[][] = [];
  readonly translitPhrases: string[][] = [];

  get empty(): boolean {
    return (
      !this.surfaces.size &&
      !this.stems.size &&
      !this.translits.size &&
      !this.phrases.length &&
      !this.translitPhrases.length
    );
  }
}

export interface DidYouMeanWord {
  /** Folded word to correct. */
  word: string;
  /** Where the word as typed sits in the query. */
  start: number;
  end: number;
}

export interface Plan {
  /** The MATCH expression; null when nothing can match (e.g. a required wildcard that expands to nothing). */
  match: string | null;
  /**
   * The expression is alternatives (phrases, words, their column filters) OR'ed, less what NOT excludes, with no AND:
   * a row then matches without its title exactly when one of its phrases occurs in another column.
   */
  disjunctive: boolean;
  text: HighlightSpec;
  title: HighlightSpec;
  expansions: SearchExpansion[];
  words: DidYouMeanWord[];
}

/** Words a wildcard or fuzzy term may expand to (the nearest or first ones; the result says when cut). */
export const EXPANSION_LIMIT = 64;
/** Spellings of one phrase tried per script when its words have name variants. */
const PHRASE_VARIANT_LIMIT = 24;
/** A lower-case word must be this long to be taken for a name because the vocabulary spells it in another script. */
const MIN_LOWERCASE_NAME = 4;
/** A lower-case name this long or longer also searches own-script spellings two edits away (one below it). */
const LONG_NAME = 8;

const isCapitalised = (word: string) => word[0] !== word[0].toLowerCase();
const FIELD_COLUMNS: Record<Field, string> = { title: 'title', text: 'text', note: 'note', tag: 'tag' };

const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;

interface LeafPlan {
  expr: string | null;
  stop: boolean;
}

export function planQuery(
  parsed: ParsedQuery,
  analyzers: Analyzer[],
  options: PlanOptions,
  vocabulary: Vocabulary | null,
  holders: WordHolders | null = null,
): Plan {
  const planner = new Planner(analyzers, options, vocabulary, holders);
  return planner.plan(parsed.clauses);
}

class Planner {
  readonly text = new HighlightSpec();
  readonly title = new HighlightSpec();
  readonly expansions: SearchExpansion[] = [];
  readonly words: DidYouMeanWord[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly analyzers: Analyzer[],
    private readonly options: PlanOptions,
    private readonly vocabulary: Vocabulary | null,
    private readonly holders: WordHolders | null,
  ) {}

  plan(clauses: Clause[]): Plan {
    const planned = clauses.map((c) => ({
      clause: c,
      leaves: c.leaves.map((leaf) => this.leaf(leaf, c.presence !== 'prohibited')),
    }));
    const positive = planned.filter((p) => p.clause.presence !== 'prohibited');
    // Stop words are dropped from the optional words when something else is left to search for.
    const hasContent = positive.some((p) => p.leaves.some((l) => !l.stop));
    const required: string[] = [];
    const optional: string[] = [];
    const prohibited: string[] = [];
    let impossible = false;
    for (const { clause, leaves } of planned) {
      const single = leaves.length === 1 ? leaves[0] : null;
      if (clause.presence === 'optional' && single?.stop && hasContent) {
        const leaf = clause.leaves[0];
        this.expansions.push({ kind: 'stopword', term: leaf.text, to: [] });
        continue;
      }
      const exprs = leaves.map((l) => l.expr).filter((e): e is string => e !== null);
      const expr = exprs.length === 0 ? null : exprs.length === 1 ? exprs[0] : exprs.map((e) => `(${e})`).join(' OR ');
      if (clause.presence === 'required') {
        if (expr === null) impossible = true;
        else required.push(expr);
      } else if (clause.presence === 'optional') {
        if (expr !== null) optional.push(expr);
      } else if (expr !== null) prohibited.push(expr);
    }
    let match: string | null;
    const all = (list: string[], op: string) =>
      list.length === 1 ? list[0] : list.map((e) => `(${e})`).join(` ${op} `);
    if (impossible) match = null;
    else if (required.length) {
      const must = all(required, 'AND');
      match = optional.length ? `(${must}) OR ((${must}) AND (${all(optional, 'OR')}))` : must;
    } else match = optional.length ? all(optional, 'OR') : null;
    if (match !== null && prohibited.length) match = `(${match}) NOT (${all(prohibited, 'OR')})`;
    const disjunctive = required.length === 0 || (required.length === 1 && optional.length === 0);
    return { match, disjunctive, text: this.text, title: this.title, expansions: this.expansions, words: this.words };
  }

  /**
   * The columns of these fields; with transliteration on, where Latin spellings are: the translit column
   * holds the passages' and the title column the title's own (a title is indexed with its spellings).
   */
  private columns(fields: Field[] | null): { cols: string[]; translit: boolean; translitCols: string[] } {
    const list = fields ?? (Object.keys(FIELD_COLUMNS) as Field[]);
    const translit = this.options.translit && list.some((f) => f === 'text' || f === 'title');
    const translitCols: string[] = [];
    if (translit && list.includes('text')) translitCols.push('translit');
    if (translit && list.includes('title')) translitCols.push('title');
    return { cols: list.map((f) => FIELD_COLUMNS[f]), translit, translitCols };
  }

  /** The columns a term may match in, its Latin spellings included. */
  private withTranslit(fields: Field[] | null): string[] {
    const { cols, translitCols } = this.columns(fields);
    return [...new Set([...cols, ...translitCols])];
  }

  private highlights(fields: Field[] | null): HighlightSpec[] {
    const out: HighlightSpec[] = [];
    if (!fields || fields.includes('text')) out.push(this.text);
    if (!fields || fields.includes('title')) out.push(this.title);
    return out;
  }

  private leaf(leaf: Leaf, positive: boolean): LeafPlan {
    const highlight = positive ? this.highlights(leaf.fields) : [];
    let plan: LeafPlan;
    if (leaf.kind === 'term' && leaf.wildcard) {
      plan = this.wildcard(leaf.text, leaf.capitalised, leaf.fields, highlight);
    } else if (leaf.kind === 'term' && leaf.editDistance > 0)
      plan = this.fuzzy(leaf.text, leaf.editDistance, leaf.fields, highlight);
    else {
      const words = tokenize(leaf.text).map((t) => t.text);
      if (words.length === 0) plan = { expr: null, stop: false };
      else if (words.length === 1 && leaf.kind === 'term') {
        plan = this.word(words[0], leaf.capitalised, leaf.fields, highlight);
        if (positive) this.words.push({ word: foldText(lowerText(words[0])), start: leaf.start, end: leaf.end });
      } else {
        if (leaf.kind === 'term') this.expand({ kind: 'split', term: leaf.text, to: [words.join(' ')] });
        plan = this.phrase(words, leaf.fields, highlight);
      }
    }
    if (plan.expr !== null && leaf.boost > 1)
      plan = { ...plan, expr: Array.from({ length: leaf.boost }, () => `(${plan.expr})`).join(' OR ') };
    return plan;
  }

  private word(word: string, capitalised: boolean, fields: Field[] | null, highlight: HighlightSpec[]): LeafPlan {
    const lower = lowerText(word);
    const surface = foldText(lower);
    const { cols, translit, translitCols } = this.columns(fields);
    const terms = new Set([surface]);
    const stems = new Set<string>();
    const latin = new Set<string>();
    let stop = false;
    // A word the index holds is stemmed only under the pipelines of the languages whose documents hold it.
    const held = this.holders?.indexed.has(surface) ? (this.holders.pipelines.get(surface) ?? new Set()) : null;
    // Its Latin spelling is the same under every pipeline; it is stemmed only where it may be searched by its stem.
    const spelled = hasNonLatinLetters(lower) ? foldText(transliterate(lower)) : '';
    // A word of a script the transliteration does not spell (Arabic, Japanese…) is its own spelling: the index holds
    // no copy of it among the transliterations (analyzer.ts), and searching it again would count it twice.
    if (spelled !== surface && (spelled || (this.analyzers.length === 0 && hasNonLatinLetters(lower))))
      latin.add(spelled);
    // Stems searched bare, as words: those that are words of the language that made them (see bareStem).
    const bare = new Set<string>();
    for (const analyzer of this.analyzers) {
      stop ||= analyzer.isStop(word);
      const stemming = analyzer.pipeline.stemmerSource !== 'none';
      if (!this.options.stems || !stemming || (held !== null && !held.has(analyzer.pipeline.code))) continue;
      const forms = analyzer.forms(word);
      // A word that is its own stem (droit, boto) still searches the stem index, where droits and botante are.
      stems.add(forms.stem);
      if (forms.stem !== surface && this.bareStem(forms.stem, surface, analyzer.pipeline.code)) bare.add(forms.stem);
      if (forms.translitStem && spelled !== surface) latin.add(forms.translitStem);
    }
    if (lower !== surface) this.expand({ kind: 'fold', term: word, to: [surface] });
    const otherStems = [...stems].filter((s) => s !== surface);
    if (otherStems.length) this.expand({ kind: 'stem', term: word, to: otherStems });
    for (const s of stems) {
      if (s === surface || bare.has(s)) terms.add(s);
      terms.add(STEM_MARK + s);
    }
    const alternatives = [`{${cols.join(' ')}} : (${[...terms].map(quote).join(' OR ')})`];
    if (translit) {
      // Latin words are looked up among the transliterations; others by their Latin spelling everywhere.
      // (A stem that is no word of its language is no word among the transliterations either: böyle → bo, not the
      // Tajik бо.)
      const inTranslit = hasNonLatinLetters(lower) ? latin : new Set([surface, ...bare]);
      if (inTranslit.size) this.expand({ kind: 'translit', term: word, to: [...inTranslit] });
      if (latin.size) {
        alternatives.push(`{${cols.join(' ')}} : (${[...latin].map(quote).join(' OR ')})`);
      }
      if (inTranslit.size)
        alternatives.push(`{${translitCols.join(' ')}} : (${[...inTranslit].map(quote).join(' OR ')})`);
      for (const h of highlight) for (const t of [...inTranslit, ...latin]) h.translits.add(t);
    }
    for (const h of highlight) {
      for (const t of terms) if (!t.startsWith(STEM_MARK)) h.surfaces.add(t);
      for (const s of stems) h.stems.add(s);
      if (translit) for (const t of latin) h.surfaces.add(t);
    }
    if (!stop) {
      const variants = this.nameVariants(word, capitalised).filter((v) => !terms.has(v) && !latin.has(v));
      if (variants.length) {
        const variantCols = this.withTranslit(fields);
        alternatives.push(`{${variantCols.join(' ')}} : (${variants.map(quote).join(' OR ')})`);
        for (const h of highlight) {
          for (const v of variants) {
            h.surfaces.add(v);
            h.translits.add(v);
          }
        }
      }
    }
    return { expr: alternatives.length === 1 ? alternatives[0] : alternatives.map((a) => `(${a})`).join(' OR '), stop };
  }

  /**
   * Whether a stem made by this pipeline is also searched bare, as a word: only when the documents of the pipeline's
   * languages hold it as one (droits → droit, held by French documents: "droit" is found). A stem that is no word of
   * its language is another language's word, if any: böyle → Turkish "bo" would find the word "bo" of 1,922 passages
   * in other languages, and none in Turkish; its inflections are still found by the marked stem. A stem that does
   * not begin the word was not looked up (engine.ts) and is searched bare, as is every stem without a look-up.
   */
  private bareStem(stem: string, surface: string, pipeline: string): boolean {
    if (!this.holders || !surface.startsWith(stem)) return true;
    return this.holders.pipelines.get(stem)?.has(pipeline) ?? false;
  }

  /**
   * The vocabulary's spellings of a name-like word in every script (itself excluded), listed as a 'name'
   * expansion; empty when name variants are off or the word does not look like a name.
   */
  private nameVariants(word: string, capitalised: boolean, listedAs = word): string[] {
    if (!this.options.names || !this.vocabulary) return [];
    const surface = foldText(lowerText(word));
    // A short lower-case word is never taken for a name: no look-up for it.
    if (!capitalised && surface.length < MIN_LOWERCASE_NAME) return [];
    const found = (this.holders?.names.get(surface) ?? this.vocabulary.nameVariants(surface, EXPANSION_LIMIT)).filter(
      (v) => v.term !== surface,
    );
    let usable = found;
    if (!capitalised) {
      // A lower-case word is a name only by its near spellings in other scripts, compared in Latin letters (sahakyan
      // → саакяна, "saakyana", two letters apart). Of the words that share its (lossy) name key, it searches only near
      // spellings (sahakyan → sahakian, one letter apart): the rest are other words (kuyiya → kua, gua, cua; the
      // Kazakh қалған, "qalghan", → alan, jalan, yalan), which cost a rare query most of its time and bring unrelated
      // hits.
      const script = nameScript(surface);
      const near = surface.length >= LONG_NAME ? 2 : 1;
      const spelled = foldText(transliterate(surface));
      const isNear = (v: NameVariant) =>
        v.script === script
          ? editDistance(v.term, surface) <= near
          : editDistance(foldText(transliterate(v.term)), spelled) <= near;
      if (!found.some((v) => v.script !== script && isNear(v))) return [];
      usable = found.filter(isNear);
    }
    const terms = usable.slice(0, EXPANSION_LIMIT).map((v) => v.term);
    if (terms.length) {
      const truncated = found.length > EXPANSION_LIMIT;
      this.expandMerged({ kind: 'name', term: listedAs, to: terms, ...(truncated ? { truncated } : {}) });
    }
    return terms;
  }

  private phrase(words: string[], fields: Field[] | null, highlight: HighlightSpec[]): LeafPlan {
    const lowers = words.map(lowerText);
    const surfaces = lowers.map((w) => foldText(w));
    const { cols, translit, translitCols } = this.columns(fields);
    const alternatives = [`{${cols.join(' ')}} : ${quote(surfaces.join(' '))}`];
    for (const h of highlight) h.phrases.push(surfaces);
    // Words of scripts the transliteration does not spell (Arabic, Japanese…) are their own spelling: a phrase of
    // them only has itself to look for.
    const latin = lowers.map((w) => foldText(transliterate(w)));
    const anyNonLatin = lowers.some(hasNonLatinLetters);
    if (translit && !(anyNonLatin && latin.every((w, i) => w === surfaces[i]))) {
      if (anyNonLatin) {
        this.expand({ kind: 'translit', term: words.join(' '), to: [latin.join(' ')] });
        alternatives.push(`{${cols.join(' ')}} : ${quote(latin.join(' '))}`);
        for (const h of highlight) h.phrases.push(latin);
      }
      alternatives.push(`{${translitCols.join(' ')}} : ${quote(latin.join(' '))}`);
      for (const h of highlight) h.translitPhrases.push(latin);
    }
    for (const spelling of this.phraseNameSpellings(words, surfaces)) {
      alternatives.push(`{${cols.join(' ')}} : ${quote(spelling.join(' '))}`);
      for (const h of highlight) h.phrases.push(spelling);
    }
    return {
      expr: alternatives.length === 1 ? alternatives[0] : alternatives.map((a) => `(${a})`).join(' OR '),
      stop: false,
    };
  }

  /**
   * The phrase spelled with its names in other scripts ("bako sahakyan" → "бако саакяна", "բակո սահակյանը"):
   * per script, every name-like word takes its variants in that script, the other words stay as typed.
   */
  private phraseNameSpellings(words: string[], surfaces: string[]): string[][] {
    const variants = words.map((w) => this.nameVariants(w, isCapitalised(w)));
    if (variants.every((v) => v.length === 0)) return [];
    const out: string[][] = [];
    for (const script of ['latin', 'cyrillic', 'armenian']) {
      let spellings: string[][] = [[]];
      for (let i = 0; i < words.length; i++) {
        const own = nameScript(surfaces[i]) === script ? [surfaces[i]] : [];
        const inScript = variants[i].filter((v) => nameScript(v) === script);
        const choices = variants[i].length ? [...own, ...inScript] : [surfaces[i]];
        spellings = spellings.flatMap((s) => choices.map((c) => [...s, c])).slice(0, PHRASE_VARIANT_LIMIT);
      }
      for (const s of spellings) if (s.some((w, i) => w !== surfaces[i])) out.push(s);
    }
    return out;
  }

  private wildcard(text: string, capitalised: boolean, fields: Field[] | null, highlight: HighlightSpec[]): LeafPlan {
    const pattern = text
      .split('*')
      .map((part) => foldText(lowerText(part)))
      .join('*');
    const { translit } = this.columns(fields);
    const columns = this.withTranslit(fields);
    // A Cyrillic or Armenian pattern also looks for its Latin spelling (Бал* → bal*: Balasanyan, and the
    // transliterations of Баласанян and Բալասանյան).
    const patterns = [pattern];
    if (translit && hasNonLatinLetters(pattern)) patterns.push(foldText(transliterate(pattern)));
    const found = [...new Set(patterns.flatMap((p) => this.vocabulary?.wildcard(p, EXPANSION_LIMIT) ?? []))];
    const truncated = found.length > EXPANSION_LIMIT;
    const terms = found.slice(0, EXPANSION_LIMIT);
    const trailingOnly = /^[^*]+\*$/.test(pattern);
    this.expand({
      kind: trailingOnly ? 'prefix' : 'wildcard',
      term: text,
      to: terms,
      ...(truncated ? { truncated } : {}),
    });
    // A capitalised prefix of a name also reaches the name's spellings in other scripts (Саак* → Sahakyan).
    if (capitalised && !truncated) {
      const variants = new Set(terms.flatMap((t) => this.nameVariants(t, true, text)));
      for (const t of terms) variants.delete(t);
      terms.push(...[...variants].slice(0, EXPANSION_LIMIT));
    }
    for (const h of highlight) {
      for (const t of terms) {
        h.surfaces.add(t);
        h.translits.add(t);
      }
    }
    if (truncated && trailingOnly) {
      // Too many words to list: FTS5's own prefix query finds them all.
      const prefixes = patterns.map((p) => `${quote(p.slice(0, -1))} *`).join(' OR ');
      return { expr: `{${columns.join(' ')}} : (${prefixes})`, stop: false };
    }
    if (terms.length === 0) return { expr: null, stop: false };
    return { expr: `{${columns.join(' ')}} : (${terms.map(quote).join(' OR ')})`, stop: false };
  }

  private fuzzy(text: string, edits: number, fields: Field[] | null, highlight: HighlightSpec[]): LeafPlan {
    const lower = lowerText(text);
    const targets = new Set([foldText(lower)]);
    if (this.options.translit && hasNonLatinLetters(lower)) targets.add(foldText(transliterate(lower)));
    const columns = this.withTranslit(fields);
    const found = new Map<string, number>();
    for (const target of targets) {
      for (const m of this.vocabulary?.fuzzy(target, edits, EXPANSION_LIMIT) ?? []) {
        if (!found.has(m.term) || found.get(m.term)! > m.distance) found.set(m.term, m.distance);
      }
    }
    const sorted = [...found].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t);
    const terms = sorted.slice(0, EXPANSION_LIMIT);
    this.expand({
      kind: 'fuzzy',
      term: text,
      to: terms,
      ...(sorted.length > EXPANSION_LIMIT ? { truncated: true } : {}),
    });
    for (const h of highlight) {
      for (const t of terms) {
        h.surfaces.add(t);
        h.translits.add(t);
      }
    }
    if (terms.length === 0) return { expr: null, stop: false };
    return { expr: `{${columns.join(' ')}} : (${terms.map(quote).join(' OR ')})`, stop: false };
  }

  /** Like expand, but a second expansion of the same kind and term adds its words to the first. */
  private expandMerged(e: SearchExpansion): void {
    const existing = this.expansions.find((x) => x.kind === e.kind && x.term === e.term);
    if (!existing) return this.expand(e);
    for (const t of e.to) if (!existing.to.includes(t)) existing.to.push(t);
  }

  private expand(e: SearchExpansion): void {
    const key = `${e.kind}\u0000${e.term}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.expansions.push(e);
  }
}
