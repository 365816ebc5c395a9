// The query language: lunr's syntax for words (`+must -not field:term term* term~1 term^2`, parsed by
// lunr.QueryParser) extended with "exact phrases", OR, and filters (lang:, doc:, type:, date:).
//
//   query   := item*                     items are separated by spaces
//   item    := word | phrase | filter | OR
//   phrase  := [+|-][field:]"words"[^n]
//   filter  := [-](lang|doc|type|date):value
//   a OR b  := one clause that matches either; a leading +/- on `a` applies to the whole group
//
// A word that the tokeniser splits (Nagorno-Karabakh, U.S.) is searched as a phrase of its parts.
// Errors are AppError('BAD_QUERY') whose message quotes the query; details.position/token point at the offending item.
import { AppError } from '../../shared/errors';
import { lunr } from './languages';

export const FIELDS = ['title', 'text', 'note', 'tag'] as const;
export type Field = (typeof FIELDS)[number];
export type Presence = 'optional' | 'required' | 'prohibited';

interface LeafBase {
  /** The fields to search; null = every field. */
  fields: Field[] | null;
  boost: number;
  /** Character range of the item in the query string. */
  start: number;
  end: number;
}
export interface TermNode extends LeafBase {
  kind: 'term';
  /** The word lower-cased by lunr's parser, without +/-, field, ~n or ^n (may contain `*`). */
  text: string;
  editDistance: number;
  wildcard: boolean;
  /** Typed with a capital first letter (a name, perhaps): lunr's parser lower-cases `text`. */
  capitalised: boolean;
}
export interface PhraseNode extends LeafBase {
  kind: 'phrase';
  text: string;
}
export type Leaf = TermNode | PhraseNode;

/** One clause: its leaves are alternatives (more than one only for `a OR b`). */
export interface Clause {
  presence: Presence;
  leaves: Leaf[];
}

export interface Filters {
  langs: string[];
  notLangs: string[];
  docs: string[];
  notDocs: string[];
  types: string[];
  notTypes: string[];
  /** Inclusive bounds on the published date, as typed (YYYY, YYYY-MM or YYYY-MM-DD). */
  dateFrom: string | null;
  dateTo: string | null;
}

export interface ParsedQuery {
  clauses: Clause[];
  filters: Filters;
}

export const MAX_FUZZY_EDITS = 2;
export const MAX_BOOST = 10;
const FILTER_NAMES = ['lang', 'doc', 'type', 'date'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const MEDIA_TYPES: Record<string, string> = {
  txt: 'text/plain',
  text: 'text/plain',
  plain: 'text/plain',
  md: 'text/markdown',
  markdown: 'text/markdown',
  html: 'text/html',
  htm: 'text/html',
};

// lunr's QueryParser/QueryLexer are not in @types/lunr.
interface LunrClause {
  term: string;
  fields: string[];
  boost: number;
  editDistance?: number;
  presence: number;
}
type LunrQueryParserCtor = new (str: string, query: lunr.Query) => { parse(): lunr.Query };
const QueryParser = (lunr as unknown as { QueryParser: LunrQueryParserCtor }).QueryParser;

class Failure {
  constructor(
    readonly message: string,
    readonly at: number,
  ) {}
}

export function parseQuery(query: string): ParsedQuery {
  try {
    return new Parser(query).parse();
  } catch (err) {
    if (err instanceof Failure) {
      const token = /^\S*/.exec(query.slice(err.at))?.[0] ?? '';
      const message = `Cannot understand the search “${query}”: ${err.message}.`;
      throw new AppError('BAD_QUERY', message, { position: err.at, token });
    }
    throw err;
  }
}

type Item =
  { type: 'or'; start: number } | { type: 'clause'; clause: Clause; start: number } | { type: 'filter'; start: number };

class Parser {
  private pos = 0;
  private readonly filters: Filters = {
    langs: [],
    notLangs: [],
    docs: [],
    notDocs: [],
    types: [],
    notTypes: [],
    dateFrom: null,
    dateTo: null,
  };

  constructor(private readonly q: string) {}

  parse(): ParsedQuery {
    const items: Item[] = [];
    for (;;) {
      while (this.pos < this.q.length && /\s/.test(this.q[this.pos])) this.pos++;
      if (this.pos >= this.q.length) break;
      items.push(this.item());
    }
    return { clauses: this.combine(items), filters: this.filters };
  }

  /** Joins `a OR b OR c` into one clause; filters do not take part in OR. */
  private combine(items: Item[]): Clause[] {
    const clauses: Clause[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item.type === 'filter') {
        if (items[i + 1]?.type === 'or' || items[i - 1]?.type === 'or')
          throw new Failure('a filter cannot be part of an OR', item.start);
        continue;
      }
      if (item.type === 'or') {
        const prev = items[i - 1];
        const next = items[i + 1];
        if (prev?.type === 'filter' || next?.type === 'filter')
          throw new Failure('a filter cannot be part of an OR', item.start);
        if (!prev || prev.type !== 'clause' || !next || next.type !== 'clause')
          throw new Failure('OR needs a word or phrase on both sides', item.start);
        if (next.clause.presence !== 'optional')
          throw new Failure('put + or - before the first word of an OR group, not after OR', next.start);
        clauses[clauses.length - 1].leaves.push(...next.clause.leaves);
        i++;
        continue;
      }
      clauses.push(item.clause);
    }
    return clauses;
  }

  private item(): Item {
    const start = this.pos;
    const q = this.q;
    if (q.startsWith('OR', start) && (start + 2 >= q.length || /\s/.test(q[start + 2]))) {
      this.pos += 2;
      return { type: 'or', start };
    }
    // Presence and field prefix, then a phrase or a plain word.
    let i = start;
    let presence: Presence = 'optional';
    if (q[i] === '+' || q[i] === '-') {
      presence = q[i] === '+' ? 'required' : 'prohibited';
      i++;
    }
    const prefix = /^([A-Za-z]+):/.exec(q.slice(i));
    const name = prefix?.[1].toLowerCase();
    if (name && (FILTER_NAMES as readonly string[]).includes(name)) {
      const end = this.wordEnd(i);
      this.pos = end;
      if (presence === 'required')
        throw new Failure(`“${name}:” is a filter: it is always required, drop the +`, start);
      this.filter(
        name as (typeof FILTER_NAMES)[number],
        q.slice(i + prefix![0].length, end),
        presence === 'prohibited',
        start,
      );
      return { type: 'filter', start };
    }
    const afterField = prefix ? i + prefix[0].length : i;
    if (q[afterField] === '"') {
      let field: Field[] | null = null;
      if (name) {
        if (!(FIELDS as readonly string[]).includes(name)) throw new Failure(unknownField(name), start);
        field = [name as Field];
      }
      return { type: 'clause', clause: this.phrase(afterField, start, presence, field), start };
    }
    const end = this.wordEnd(start);
    this.pos = end;
    return { type: 'clause', clause: this.word(q.slice(start, end), start), start };
  }

  /** End of a plain word: the next space, or a quote that starts a phrase glued to it. */
  private wordEnd(from: number): number {
    let end = from;
    while (end < this.q.length && !/\s/.test(this.q[end])) end++;
    return end;
  }

  private phrase(quote: number, start: number, presence: Presence, fields: Field[] | null): Clause {
    const close = this.q.indexOf('"', quote + 1);
    if (close === -1) throw new Failure('the quote is never closed', quote);
    const text = this.q.slice(quote + 1, close);
    if (!/[\p{L}\p{N}]/u.test(text)) throw new Failure('the phrase has no words', quote);
    let end = close + 1;
    let boost = 1;
    const suffix = /^\^(\d+)/.exec(this.q.slice(end));
    if (suffix) {
      boost = clampBoost(Number(suffix[1]));
      end += suffix[0].length;
    }
    if (end < this.q.length && !/\s/.test(this.q[end]))
      throw new Failure('a phrase can only be followed by ^n (a boost) and a space', end);
    this.pos = end;
    return { presence, leaves: [{ kind: 'phrase', text, fields, boost, start, end }] };
  }

  /** A plain word goes through lunr's own query parser (presence, field, wildcard, ~n, ^n). */
  private word(word: string, start: number): Clause {
    const body = word.replace(/^[+-]/, '').replace(/^[A-Za-z]+:/, '');
    // lunr splits words at hyphens; Tala searches such a word as a phrase of its parts.
    if (/[\p{L}\p{N}]-+[\p{L}\p{N}]/u.test(body) && !/[~^*]/.test(body)) {
      const presence: Presence = word[0] === '+' ? 'required' : word[0] === '-' ? 'prohibited' : 'optional';
      const field = /^[+-]?([A-Za-z]+):/.exec(word)?.[1].toLowerCase();
      if (field && !(FIELDS as readonly string[]).includes(field)) throw new Failure(unknownField(field), start);
      return {
        presence,
        leaves: [
          {
            kind: 'phrase',
            text: body,
            fields: field ? [field as Field] : null,
            boost: 1,
            start,
            end: start + word.length,
          },
        ],
      };
    }
    const query = new lunr.Query([...FIELDS]);
    try {
      new QueryParser(word, query).parse();
    } catch (err) {
      if (err instanceof lunr.QueryParseError) {
        const at = start + ((err as unknown as { start?: number }).start ?? 0);
        throw new Failure(`${lunrMessage(err.message)} in “${word}”`, at);
      }
      throw err;
    }
    const lunrClauses = query.clauses as unknown as LunrClause[];
    if (lunrClauses.length === 0) throw new Failure(`“${word}” has no word to search for`, start);
    if (lunrClauses.length > 1) throw new Failure(`“${word}” must be one word`, start);
    const c = lunrClauses[0];
    const text = c.term;
    const editDistance = c.editDistance ?? 0;
    const wildcard = text.includes('*');
    if (editDistance > MAX_FUZZY_EDITS)
      throw new Failure(`fuzzy matching allows at most ${MAX_FUZZY_EDITS} edits (~1 or ~2) in “${word}”`, start);
    if (wildcard && editDistance > 0)
      throw new Failure(`a word cannot be both a wildcard and fuzzy in “${word}”`, start);
    if (wildcard && text.replace(/\*/g, '').length < 2)
      throw new Failure(`a wildcard needs at least two letters in “${word}”`, start);
    if (!/[\p{L}\p{N}]/u.test(text)) throw new Failure(`“${word}” has no letters or digits to search for`, start);
    const fields = c.fields.length === FIELDS.length ? null : (c.fields as Field[]);
    const presence: Presence =
      c.presence === lunr.Query.presence.REQUIRED
        ? 'required'
        : c.presence === lunr.Query.presence.PROHIBITED
          ? 'prohibited'
          : 'optional';
    const capitalised = /^\p{Lu}/u.test(word.replace(/^[+-]?(?:[A-Za-z]+:)?/, ''));
    const boost = clampBoost(c.boost);
    const end = start + word.length;
    const leaf: TermNode = { kind: 'term', text, fields, boost, editDistance, wildcard, capitalised, start, end };
    return { presence, leaves: [leaf] };
  }

  private filter(name: (typeof FILTER_NAMES)[number], value: string, negated: boolean, at: number): void {
    if (!value) throw new Failure(`“${name}:” needs a value, e.g. ${FILTER_EXAMPLES[name]}`, at);
    const f = this.filters;
    if (name === 'lang') {
      for (const code of value.toLowerCase().split(',')) {
        if (!/^[a-z]{2,3}$/.test(code))
          throw new Failure(`“${code}” is not a language code (use e.g. lang:tl or lang:tl,en)`, at);
        (negated ? f.notLangs : f.langs).push(code);
      }
    } else if (name === 'doc') {
      if (!UUID.test(value)) throw new Failure(`“${value}” is not a document id (a UUID such as 0b5c…)`, at);
      (negated ? f.notDocs : f.docs).push(value.toLowerCase());
    } else if (name === 'type') {
      const type = MEDIA_TYPES[value.toLowerCase()] ?? (value.includes('/') ? value.toLowerCase() : null);
      if (!type) throw new Failure(`“${value}” is not a document type (use txt, md, html or a media type)`, at);
      (negated ? f.notTypes : f.types).push(type);
    } else {
      if (negated) throw new Failure('a date range cannot be negated', at);
      if (f.dateFrom !== null || f.dateTo !== null) throw new Failure('only one date range per search', at);
      const [from, to, extra] = value.split('..');
      if (extra !== undefined) throw new Failure(`“${value}” is not a date range (use e.g. date:2012-01..2012-12)`, at);
      const range = to === undefined ? [from, from] : [from, to];
      for (const d of range)
        if (d && !DATE.test(d)) throw new Failure(`“${d}” is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)`, at);
      if (!range[0] && !range[1]) throw new Failure('the date range has no dates', at);
      if (range[0] && range[1] && range[0] > range[1])
        throw new Failure(`the date range ${value} ends before it starts`, at);
      f.dateFrom = range[0] || null;
      f.dateTo = range[1] || null;
    }
  }
}

const FILTER_EXAMPLES = { lang: 'lang:tl', doc: 'doc:<document id>', type: 'type:html', date: 'date:2012-01..2012-12' };

function unknownField(name: string): string {
  return (
    `unknown field “${name}:”` +
    ` (fields: ${FIELDS.map((f) => `${f}:`).join(' ')}; filters: ${FILTER_NAMES.map((f) => `${f}:`).join(' ')})`
  );
}

function lunrMessage(message: string): string {
  const unknown = /^unrecognised field '([^']*)'/.exec(message);
  return unknown ? unknownField(unknown[1]) : message;
}

function clampBoost(boost: number): number {
  if (!Number.isFinite(boost) || boost < 1) return 1;
  return Math.min(MAX_BOOST, Math.round(boost));
}
