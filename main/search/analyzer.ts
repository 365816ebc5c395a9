// Turns text into index terms with a language pipeline, remembering the offsets of every word.
// Each word yields its folded surface form (what exact phrases and "stems off" search), its folded stem,
// and for Cyrillic, Armenian and Greek words a Latin transliteration (what cross-script names search).
import { pipelineFor, type LanguagePipeline } from './languages';
import { foldText, hasNonLatinLetters, lowerText } from '../../shared/text/fold';
import { isUnspacedRun, tokenize, unspacedTokens, WordScanner } from './tokenize';
import { transliterate } from './transliterate';

/** Prefix that marks a stem in the index, so that a stem never collides with a word as written. */
export const STEM_MARK = '§';

export interface TermForms {
  /** The word lower-cased and without diacritics. */
  surface: string;
  /** Its stem, folded the same way (equal to surface when the stemmer left the word alone). */
  stem: string;
  /** Transliteration of a Cyrillic, Armenian or Greek word; null for any other (Latin, Arabic, Japanese…). */
  translit: string | null;
  /** Transliteration of the stem when it differs from `translit`, else null. */
  translitStem: string | null;
  /** A stop word of this language (kept in the index, dropped from queries). */
  stop: boolean;
}

export interface AnalyzedToken extends TermForms {
  start: number;
  end: number;
}

const MEMO_LIMIT = 300_000;

/** A word's forms as the analyzer keeps them: with its marked stem made once, and the last noting run that heard it. */
interface MemoForms extends TermForms {
  /** STEM_MARK + stem when the stem differs from the surface form, else null (the field stream's stem). */
  markedStem: string | null;
  noted: number;
}

/** A run of streams calls whose onTerm hears each word once (Analyzer.streams): made by newNotingRun. */
export interface NotingRun {
  readonly run: number;
}

let notingRuns = 0;

/** A new noting run (a document's analysis): its words are heard again once each. */
export function newNotingRun(): NotingRun {
  return { run: ++notingRuns };
}

export class Analyzer {
  private memo = new Map<string, MemoForms>();

  constructor(readonly pipeline: LanguagePipeline) {}

  forms(word: string): TermForms {
    return this.memoForms(word);
  }

  /**
   * A word's forms where its stem is not wanted (a highlight whose query searched no stem: phrases, wildcards, fuzzy
   * terms): those of forms, except that a word without letters of another script than Latin not met yet gets its
   * surface only, not stemmed: its `stem` is then U+0000 (no word of a query), its `translit` and `translitStem` null
   * (as forms gives such a word), `stop` false. It does not enter the memo (surfaceMemo keeps its surface form).
   */
  unstemmedForms(word: string): TermForms {
    const memo = this.memo.get(word);
    if (memo) return memo;
    let forms = this.surfaceMemo.get(word);
    if (forms) return forms;
    const lower = lowerText(word);
    if (hasNonLatinLetters(lower)) return this.memoForms(word);
    forms = { surface: foldText(lower), stem: '\u0000', translit: null, translitStem: null, stop: false };
    if (this.surfaceMemo.size >= MEMO_LIMIT) this.surfaceMemo = new Map();
    this.surfaceMemo.set(word, forms);
    return forms;
  }

  private surfaceMemo = new Map<string, TermForms>();

  private memoForms(word: string): MemoForms {
    let forms = this.memo.get(word);
    if (forms) return forms;
    const lower = lowerText(word);
    const surface = foldText(lower);
    const stemmed = this.pipeline.stem(lower, lower !== word && lower[0] !== word[0]);
    const stem = stemmed === lower ? surface : foldText(stemmed);
    let translit: string | null = null;
    let translitStem: string | null = null;
    // A word of a script the transliteration does not spell (Arabic, Japanese, syllabics…) is its own spelling: it
    // gets none, so the index holds no second copy of it (which bm25 counted twice, in a row of twice the length).
    const spelled = hasNonLatinLetters(lower) ? foldText(transliterate(lower)) : surface;
    if (spelled !== surface) {
      translit = spelled;
      const t = stemmed === lower ? translit : foldText(transliterate(stemmed));
      translitStem = t === translit ? null : t;
    }
    forms = {
      surface,
      stem,
      translit,
      translitStem,
      stop: this.pipeline.isStopWord(lower),
      markedStem: stem === surface ? null : STEM_MARK + stem,
      noted: 0,
    };
    if (this.memo.size >= MEMO_LIMIT) this.memo = new Map();
    this.memo.set(word, forms);
    return forms;
  }

  /**
   * memoForms of the ASCII word text[start, end) (WordScanner's hash `hash`), found without cutting it from the text:
   * an open-addressing table of the ASCII words met, compared code unit by code unit (most words of a text were met
   * before: no string to make, hash and drop for each).
   */
  private asciiForms(text: string, start: number, end: number, hash: number, unstemmed = false): TermForms {
    const length = end - start;
    const { asciiSlots: slots, asciiWords: words } = this;
    const mask = slots.length - 1;
    let slot = (hash ^ (hash >>> 13)) & mask;
    for (let entry = slots[slot]; entry !== 0; entry = slots[slot]) {
      if (this.asciiHashes[entry - 1] === hash) {
        const word = words[entry - 1];
        if (word.length === length) {
          let k = 0;
          while (k < length && word.charCodeAt(k) === text.charCodeAt(start + k)) k++;
          if (k === length) return this.asciiMemo[entry - 1];
        }
      }
      slot = (slot + 1) & mask;
    }
    const word = text.slice(start, end);
    if (unstemmed && !this.memo.has(word)) return this.unstemmedForms(word);
    const forms = this.memoForms(word);
    if (words.length >= MEMO_LIMIT) {
      this.clearAsciiTable(slots.length);
      return forms;
    }
    words.push(word);
    this.asciiHashes.push(hash);
    this.asciiMemo.push(forms);
    slots[slot] = words.length;
    if (words.length * 2 > slots.length) this.clearAsciiTable(slots.length * 2, true);
    return forms;
  }

  /**
   * The words of a text as tokenize(text, split) gives them, each with its forms (those of forms, or with `unstemmed`
   * of unstemmedForms) and offsets, to `onWord`; a run left unsplit is heard with null forms. An ASCII word is found
   * in the table of the ASCII words met (asciiForms), without cutting it from the text.
   */
  eachWord(
    text: string,
    split: ((run: string) => boolean) | undefined,
    unstemmed: boolean,
    onWord: (forms: TermForms | null, start: number, end: number) => void,
  ): void {
    const scanner = this.wordScanner.reset(text);
    while (scanner.next()) {
      const { start, end } = scanner;
      if (scanner.ascii) onWord(this.asciiForms(text, start, end, scanner.hash, unstemmed), start, end);
      else if (!isUnspacedRun(scanner.word))
        onWord(unstemmed ? this.unstemmedForms(scanner.word) : this.memoForms(scanner.word), start, end);
      else if (split && !split(scanner.word)) onWord(null, start, end);
      else
        for (const t of unspacedTokens(scanner.word, start))
          onWord(unstemmed ? this.unstemmedForms(t.text) : this.memoForms(t.text), t.start, t.end);
    }
  }

  /** eachWord's scanner (eachWord never runs inside itself: its callers' callbacks do not analyse). */
  private readonly wordScanner = new WordScanner();

  private asciiSlots = new Int32Array(1024);
  private asciiWords: string[] = [];
  private asciiHashes: number[] = [];
  private asciiMemo: MemoForms[] = [];

  /** A table of `size` slots, empty or (`keep`) with the words it held placed again. */
  private clearAsciiTable(size: number, keep = false): void {
    const slots = new Int32Array(size);
    if (keep) {
      const mask = size - 1;
      this.asciiHashes.forEach((hash, i) => {
        let slot = (hash ^ (hash >>> 13)) & mask;
        while (slots[slot] !== 0) slot = (slot + 1) & mask;
        slots[slot] = i + 1;
      });
    } else {
      this.asciiWords = [];
      this.asciiHashes = [];
      this.asciiMemo = [];
    }
    this.asciiSlots = slots;
  }

  /** Whether the word is a stop word of this language (without stemming it, unlike forms). */
  isStop(word: string): boolean {
    return this.memo.get(word)?.stop ?? this.pipeline.isStopWord(lowerText(word));
  }

  /**
   * The index streams of a text without building per-token objects (the indexer's hot path): the field
   * stream (see fieldTerms) and the transliteration words and stems (see translitTerms). `onTerm` hears each word's
   * surface form (true) and transliteration (false) as they come; given a `noting` run (newNotingRun), only at a
   * word's first occurrence in that run (the later calls would repeat one already heard: a caller that collects
   * the words in a Set ends with the same Set, in the same order).
   */
  streams(
    text: string,
    onTerm?: (term: string, surface: boolean) => void,
    noting?: NotingRun,
  ): { field: string; translitWords: string[]; translitStems: string[] } {
    const words: string[] = [];
    const stems: string[] = [];
    const translitWords: string[] = [];
    const translitStems: string[] = [];
    const run = noting?.run ?? 0;
    const note = (f: MemoForms) => {
      words.push(f.surface);
      if (f.markedStem !== null) stems.push(f.markedStem);
      if (f.translit !== null) {
        translitWords.push(f.translit);
        if (f.translitStem !== null) translitStems.push(f.translitStem);
      }
      if (onTerm === undefined) return;
      if (run !== 0) {
        if (f.noted === run) return;
        f.noted = run;
      }
      onTerm(f.surface, true);
      if (f.translit !== null) onTerm(f.translit, false);
    };
    // tokenize's words without an object each; every run of a script written without spaces split. Stemmed, so
    // each word's forms are the memo's own (MemoForms, with the marked stem).
    this.eachWord(text, undefined, false, (f) => note(f as MemoForms));
    return {
      field: stems.length ? `${words.join(' ')} ${stems.join(' ')}` : words.join(' '),
      translitWords,
      translitStems,
    };
  }

  analyze(text: string): AnalyzedToken[] {
    return tokenize(text).map((t) => {
      const { surface, stem, translit, translitStem, stop } = this.memoForms(t.text);
      return { surface, stem, translit, translitStem, stop, start: t.start, end: t.end };
    });
  }
}

const analyzers = new Map<string, Analyzer>();

export function analyzerFor(lang: string | null | undefined): Analyzer {
  const pipeline = pipelineFor(lang);
  let analyzer = analyzers.get(pipeline.code);
  if (!analyzer) {
    analyzer = new Analyzer(pipeline);
    analyzers.set(pipeline.code, analyzer);
  }
  return analyzer;
}

/** The token streams stored for one field: words as written (positions kept), then the stems that differ. */
export function fieldTerms(tokens: readonly AnalyzedToken[]): string {
  const words: string[] = [];
  const stems: string[] = [];
  for (const t of tokens) {
    words.push(t.surface);
    if (t.stem !== t.surface) stems.push(STEM_MARK + t.stem);
  }
  return stems.length ? `${words.join(' ')} ${stems.join(' ')}` : words.join(' ');
}

/**
 * The transliteration stream: Latin spellings of the non-Latin words in order (so that a Latin phrase can
 * match a Cyrillic or Armenian one), then the spellings of their stems where those differ.
 */
export function translitTerms(tokens: readonly AnalyzedToken[]): string {
  const words: string[] = [];
  const stems: string[] = [];
  for (const t of tokens) {
    if (t.translit === null) continue;
    words.push(t.translit);
    if (t.translitStem !== null) stems.push(t.translitStem);
  }
  return stems.length ? `${words.join(' ')} ${stems.join(' ')}` : words.join(' ');
}
