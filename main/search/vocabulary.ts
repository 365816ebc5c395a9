// The index vocabulary in memory: every word (folded, as written) and transliteration the indexer has
// seen, sorted, loaded lazily from search_terms and topped up with the rows added since. Wildcards and
// fuzzy terms expand against it; did-you-mean looks for near spellings in it; name variants are looked up
// by their cross-script name keys (built on first use, then topped up with new terms).
import { nameKeys, nameScript } from '../../shared/text/name-key';
import type { Database } from '../db/connection';
import { sql } from '../db/sql';
import { readState } from './indexer';

export interface FuzzyMatch {
  term: string;
  distance: number;
}

/** What the vocabulary in memory was read from: search_state's terms_epoch and the largest search_terms id. */
export interface TermsState {
  epoch: number;
  maxId: number;
}

export class Vocabulary {
  private terms: string[] = [];
  private maxId = 0;
  private epoch = -1;

  /** Whether the list is what search_terms holds in this state (nothing to read again). */
  isAt(state: TermsState): boolean {
    return state.epoch === this.epoch && state.maxId === this.maxId;
  }

  get size(): number {
    return this.terms.length;
  }

  /** The state the list was read in ("-1:0" before the first load): equal stamps, equal lists. */
  get stamp(): string {
    return `${this.epoch}:${this.maxId}`;
  }

  /**
   * Brings the list up to date with search_terms (a full load the first time or after a rebuild), reading on one
   * snapshot (see Database.read).
   */
  refresh(db: Database): Promise<void> {
    return db.read((rd) => this.refreshOn(rd));
  }

  private async refreshOn(db: Database): Promise<void> {
    const epoch = await readState(db, 'terms_epoch');
    const max = (await db.get<{ id: number | null }>(sql`SELECT max(id) AS id FROM search_terms`))?.id ?? 0;
    if (epoch !== this.epoch || max < this.maxId) {
      const row = await db.get<{ all: string | null }>(
        sql`SELECT group_concat(term, char(10)) AS "all" FROM search_terms`,
      );
      this.terms = row?.all ? row.all.split('\n').sort(compare) : [];
      this.alphabet = null;
      this.names = null;
      this.epoch = epoch;
      this.maxId = max;
      return;
    }
    if (max === this.maxId) return;
    const rows = await db.all<{ term: string }>(sql`SELECT term FROM search_terms WHERE id > ${this.maxId}`);
    this.maxId = max;
    const added = rows.map((r) => r.term).sort(compare);
    this.terms = merge(this.terms, added);
    if (this.alphabet) for (const t of added) for (const c of t) addLetter(this.alphabet, c);
    if (this.names) for (const t of added) addName(this.names, t);
  }

  /** Vocabulary terms by name key (see shared/text/name-key.ts). */
  private names: Map<string, string[]> | null = null;

  /**
   * Terms that may spell the same name as `word` in any script (the word's own spelling excluded), with
   * their scripts; `limit + 1` at most.
   */
  nameVariants(word: string, limit: number): Array<{ term: string; script: string }> {
    if (!this.names) {
      this.names = new Map();
      for (const t of this.terms) addName(this.names, t);
    }
    const found = new Set<string>();
    for (const key of nameKeys(word)) {
      for (const t of this.names.get(key) ?? []) {
        if (found.size > limit) break;
        found.add(t);
      }
    }
    found.delete(word);
    return [...found].sort(compare).map((term) => ({ term, script: nameScript(term) }));
  }

  /** Letters of the vocabulary by 128-code-point block: the alphabet for one-edit candidates. */
  private alphabet: Map<number, Set<string>> | null = null;

  private lettersNear(query: string): string[] {
    if (!this.alphabet) {
      this.alphabet = new Map();
      for (const t of this.terms) for (const c of t) addLetter(this.alphabet, c);
    }
    const out = new Set<string>();
    for (const c of query) for (const l of this.alphabet.get(c.charCodeAt(0) >> 7) ?? []) out.add(l);
    return [...out];
  }

  has(term: string): boolean {
    const i = lowerBound(this.terms, term, 0);
    return this.terms[i] === term;
  }

  /** Terms starting with `prefix`, in order; `limit + 1` at most so callers can tell there were more. */
  prefix(prefix: string, limit: number): string[] {
    const out: string[] = [];
    for (let i = lowerBound(this.terms, prefix, 0); i < this.terms.length && out.length <= limit; i++) {
      if (!this.terms[i].startsWith(prefix)) break;
      out.push(this.terms[i]);
    }
    return out;
  }

  /** Terms matching a pattern where `*` stands for any letters; `limit + 1` at most. */
  wildcard(pattern: string, limit: number): string[] {
    const literal = pattern.slice(0, pattern.indexOf('*'));
    const re = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`, 'u');
    const out: string[] = [];
    const start = literal ? lowerBound(this.terms, literal, 0) : 0;
    for (let i = start; i < this.terms.length && out.length <= limit; i++) {
      const t = this.terms[i];
      if (literal && !t.startsWith(literal)) break;
      if (re.test(t)) out.push(t);
    }
    return out;
  }

  /**
   * Terms within `maxEdits` edits (insertions, deletions, substitutions, adjacent transpositions) of
   * `query`, nearest first. Walks the sorted list like a trie: rows of the edit-distance table are shared
   * by terms with a common prefix, and a prefix that is already too far skips every term that starts with it.
   */
  fuzzy(query: string, maxEdits: number, limit: number): FuzzyMatch[] {
    return maxEdits === 1 ? this.oneEdit(query, limit) : this.walk(query, maxEdits, limit);
  }

  /** One edit: look up every deletion, transposition, substitution and insertion (letters of the query's blocks). */
  private oneEdit(query: string, limit: number): FuzzyMatch[] {
    const found = new Map<string, number>();
    if (this.has(query)) found.set(query, 0);
    const letters = this.lettersNear(query);
    const check = (candidate: string) => {
      if (candidate && !found.has(candidate) && this.has(candidate)) found.set(candidate, 1);
    };
    const letterSet = new Set(letters);
    const terms = this.terms;
    // Every candidate edited at i starts with query[0, i): when few terms do, they are read one by one (the
    // substitutions and insertions among them are those with a letter of the alphabet between that prefix and the
    // rest of the query) instead of looking up every letter; when none does, no later position can give a term.
    let lo = 0;
    let hi = terms.length;
    for (let i = 0; i <= query.length; i++) {
      const prefix = query.slice(0, i);
      if (i > 0) {
        lo = lowerBound(terms, prefix, lo);
        hi = prefix.charCodeAt(i - 1) === 0xffff ? terms.length : lowerBound(terms, successor(prefix), lo);
        if (lo === hi) break;
      }
      if (i < query.length) {
        check(prefix + query.slice(i + 1));
        if (i + 1 < query.length) check(prefix + query[i + 1] + query[i] + query.slice(i + 2));
      }
      if (hi - lo <= 2 * letters.length) {
        const replaced = query.slice(i + 1);
        const kept = query.slice(i);
        for (let k = lo; k < hi; k++) {
          const t = terms[k];
          if (found.has(t)) continue;
          if (i < query.length && t.endsWith(replaced)) {
            const l = t.slice(i, t.length - replaced.length);
            if (l !== query[i] && letterSet.has(l)) found.set(t, 1);
          }
          if (t.endsWith(kept)) {
            const l = t.slice(i, t.length - kept.length);
            if (letterSet.has(l)) found.set(t, 1);
          }
        }
      } else {
        // Looked up among the terms that share the prefix only.
        const inRange = (candidate: string) => {
          if (found.has(candidate)) return;
          const k = lowerBound(terms, candidate, lo, hi);
          if (k < hi && terms[k] === candidate) found.set(candidate, 1);
        };
        if (i < query.length) for (const l of letters) if (l !== query[i]) inRange(prefix + l + query.slice(i + 1));
        for (const l of letters) inRange(prefix + l + query.slice(i));
      }
    }
    return [...found]
      .map(([term, distance]) => ({ term, distance }))
      .sort((a, b) => a.distance - b.distance || compare(a.term, b.term))
      .slice(0, limit + 1);
  }

  private walk(query: string, maxEdits: number, limit: number): FuzzyMatch[] {
    const terms = this.terms;
    const m = query.length;
    const q = Array.from({ length: m }, (_, j) => query.charCodeAt(j));
    const rows: Int32Array[] = [Int32Array.from({ length: m + 1 }, (_, j) => j)];
    const chars: number[] = [];
    const out: FuzzyMatch[] = [];
    let i = 0;
    while (i < terms.length) {
      const t = terms[i];
      let lcp = 0;
      const shared = Math.min(chars.length, t.length);
      while (lcp < shared && chars[lcp] === t.charCodeAt(lcp)) lcp++;
      chars.length = lcp;
      let prunedAt = -1;
      for (let d = lcp; d < t.length; d++) {
        const c = t.charCodeAt(d);
        const prev = rows[d];
        const row = (rows[d + 1] ??= new Int32Array(m + 1));
        row[0] = d + 1;
        let min = row[0];
        for (let j = 1; j <= m; j++) {
          let v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (q[j - 1] === c ? 0 : 1));
          if (d > 0 && j > 1 && c === q[j - 2] && chars[d - 1] === q[j - 1]) v = Math.min(v, rows[d - 1][j - 2] + 1);
          row[j] = v;
          if (v < min) min = v;
        }
        chars.push(c);
        if (min > maxEdits) {
          prunedAt = d;
          break;
        }
      }
      if (prunedAt >= 0) {
        i = lowerBound(terms, successor(t.slice(0, prunedAt + 1)), i + 1);
        continue;
      }
      const distance = rows[t.length][m];
      if (distance <= maxEdits) out.push({ term: t, distance });
      i++;
    }
    out.sort((a, b) => a.distance - b.distance || compare(a.term, b.term));
    return out.slice(0, limit + 1);
  }
}

/** Words that can be names: three letters or more, no digits. */
const NAME_TERM = /^[\p{L}\p{M}]{3,}$/u;

function addName(names: Map<string, string[]>, term: string): void {
  if (!NAME_TERM.test(term)) return;
  for (const key of nameKeys(term)) {
    const list = names.get(key);
    if (list) list.push(term);
    else names.set(key, [term]);
  }
}

function addLetter(alphabet: Map<number, Set<string>>, c: string): void {
  const block = c.charCodeAt(0) >> 7;
  let set = alphabet.get(block);
  if (!set) alphabet.set(block, (set = new Set()));
  set.add(c);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The smallest string greater than every string that starts with `prefix`. */
function successor(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

function lowerBound(terms: string[], key: string, from: number, to = terms.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function merge(a: string[], b: string[]): string[] {
  const out: string[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
