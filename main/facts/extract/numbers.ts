// Quantity mentions: plain numbers, money and percentages, written in digits ("73", "1,500", "3,5",
// "1 500") or words ("isang daan", "a hundred", "двести"), with multiplier words and Tagalog linkers
// ("73 libong botante" → 73000, "47 тысяч", "1.5 milyon", "3,5 млн", "20 thousand"), qualifiers
// before them ("higit sa isang daan" → more than 100) and currency or percent signs and words.
import type { Mention, QuantityDetail, ValueQualifier } from '../../../shared/facts';
import {
  CURRENCY_PREFIX_CODES,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  MULTIPLIERS,
  NA_LINKED,
  NOT_ALONE,
  NOT_NAMES,
  NUMBER_WORDS,
  PERCENT_WORDS,
  QUALIFIER_PHRASES,
  TAGALOG_MULTIPLIERS,
  TAGALOG_NUMBER_WORDS,
} from './lexicon';
import { alternation, lowerBound, type Token } from './text';

const MULTIPLIER = new Map(MULTIPLIERS);
const NUMBER_WORD = new Map(NUMBER_WORDS);
/** Multipliers that only count glued to digits or after a currency ("20k", "$5m"), never as words. */
const GLUED_ONLY = new Set(['k', 'm', 'mn', 'bn']);
const WORD_MULTIPLIERS = MULTIPLIERS.filter(([w]) => !GLUED_ONLY.has(w)).map(([w]) => w);
/** Tagalog number words count in Tagalog (and untagged) text only: "Lima" in English is Peru's capital. */
const TAGALOG_ONLY = new Set([...TAGALOG_NUMBER_WORDS, ...TAGALOG_MULTIPLIERS].map(([w]) => w));

/** Languages that write decimals with a comma (3,5 млн) and group thousands with spaces. */
const COMMA_DECIMAL = new Set([
  'ru',
  'hy',
  'uk',
  'be',
  'bg',
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'pl',
  'cs',
  'nl',
  'tr',
  'az',
  'ka',
  'kk',
]);

const QUALIFIER_BEFORE = new RegExp(`(?<![\\p{L}])(${alternation(QUALIFIER_PHRASES.map(([p]) => p))})\\s+$`, 'iu');
const QUALIFIER = new Map(QUALIFIER_PHRASES);
const CURRENCY_SYMBOL_BEFORE = new RegExp(`(${alternation(Object.keys(CURRENCY_SYMBOLS))})\\s?$`, 'iu');
const CURRENCY_CODE_BEFORE = new RegExp(`(?<![\\p{L}])(${[...CURRENCY_PREFIX_CODES].join('|')})\\s$`, 'u');
/** Abbreviations that may carry a dot (a dot after a full word is the end of the sentence). */
const ABBREVIATIONS = new Set(['тыс', 'млн', 'млрд', 'руб', 'проц', 'mln', 'mn', 'bn']);
const MULTIPLIER_AFTER = new RegExp(`^\\s*(${alternation(WORD_MULTIPLIERS)})(?![\\p{L}])`, 'iu');
const COMPOUND_AFTER = new RegExp(`^\\s+(\\d{1,3})\\s+(${alternation(WORD_MULTIPLIERS)})(?![\\p{L}])`, 'iu');
const GLUED_AFTER = /^(k|m|mn|bn|mln)(?![\p{L}])/iu;
const PERCENT_AFTER = new RegExp(`^(?:\\s?%|\\s+(?:${alternation(PERCENT_WORDS)})(?![\\p{L}]))`, 'iu');
const CURRENCY_AFTER = new RegExp(`^\\s*(${alternation(CURRENCY_WORDS.map(([w]) => w))})(?![\\p{L}])`, 'iu');

/** Length of an abbreviation's dot right after `end`, if the word before it is an abbreviation. */
function abbreviationDot(text: string, end: number, word: string): number {
  return text[end] === '.' && ABBREVIATIONS.has(word.toLowerCase()) ? 1 : 0;
}
const CURRENCY_WORD = new Map(CURRENCY_WORDS);
const SYMBOL_AFTER = new RegExp(
  `^\\s?(${alternation(Object.keys(CURRENCY_SYMBOLS).filter((s) => s.length === 1))})`,
  'u',
);

function digitPattern(lang: string): RegExp {
  const spaceGroups = COMMA_DECIMAL.has(lang) ? '|\\d{1,3}(?: \\d{3})+(?:,\\d+)?' : '';
  return new RegExp(
    '(?<![\\p{L}\\p{N}]|[\\p{L}\\p{N}][.,]|-)' +
      '(\\d{1,3}(?:[,\\u00a0\\u202f\\u2009]\\d{3})+(?:\\.\\d+)?' + // 1,234.5 (thin and no-break spaces too)
      `|\\d{1,3}(?:[.\\u00a0\\u202f\\u2009]\\d{3})+(?:,\\d+)?${spaceGroups}` + // 1.234,5 (and 1 234,5)
      '|\\d+(?:[.,]\\d+)?)' + // 1234, 12.5, 3,5
      '(?![\\p{N}]|[.,]\\d)',
    'gu',
  );
}

/** Reads a number written with the language's separators ("1,500" → 1500; "3,5" → 3.5 in Russian). */
export function parseDigits(raw: string, lang: string): number | null {
  const s = raw.replace(/[\u00a0\u202f\u2009 ]/g, '');
  const commaDecimal = COMMA_DECIMAL.has(lang);
  let normalised: string;
  if (s.includes(',') && s.includes('.')) {
    normalised = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (s.includes(',')) {
    const thousands = commaDecimal ? /^\d{1,3}(,\d{3}){2,}$/.test(s) : /^\d{1,3}(,\d{3})+$/.test(s);
    normalised = thousands ? s.replace(/,/g, '') : s.replace(',', '.');
  } else if (s.includes('.')) {
    const thousands = commaDecimal
      ? /^\d{1,3}(\.\d{3})+$/.test(s) && !/^\d\.\d{3}$/.test(s)
      : /^\d{1,3}(\.\d{3}){2,}$/.test(s);
    normalised = thousands ? s.replace(/\./g, '') : s;
  } else normalised = s;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

interface Core {
  start: number;
  end: number;
  value: number;
  confidence: number;
  /** A multiplier word was part of it (libo, thousand, млн). */
  multiplied: boolean;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Extends a number with what surrounds it: qualifier and currency before; multiplier, percent, currency, noun after.
 */
function finish(text: string, core: Core, tokens: Token[]): Mention {
  let { start, end, value } = core;
  let confidence = core.confidence;
  let unit: string | null = null;
  let kind: QuantityDetail['kind'] = 'number';
  let qualifier: ValueQualifier = 'exact';

  const before = text.slice(Math.max(0, start - 40), start);
  const symbol = CURRENCY_SYMBOL_BEFORE.exec(before);
  let beforeRest = before;
  if (symbol) {
    unit = CURRENCY_SYMBOLS[symbol[1].toLowerCase()] ?? CURRENCY_SYMBOLS[symbol[1]];
    kind = 'money';
    start -= symbol[0].length;
    beforeRest = before.slice(0, before.length - symbol[0].length);
  } else {
    const code = CURRENCY_CODE_BEFORE.exec(before);
    if (code) {
      unit = code[1];
      kind = 'money';
      start -= code[0].length;
      beforeRest = before.slice(0, before.length - code[0].length);
    }
  }
  const q = QUALIFIER_BEFORE.exec(beforeRest);
  if (q) {
    qualifier = QUALIFIER.get(q[1].toLowerCase()) ?? 'exact';
    start -= q[0].length;
  }

  let after = text.slice(end, end + 40);
  if (!core.multiplied) {
    const glued = GLUED_AFTER.exec(after);
    // "20k" always; "$5m" / "5bn" only as money (a bare "5m" is five metres).
    if (glued && (glued[1].toLowerCase() === 'k' || kind === 'money' || glued[1].toLowerCase() !== 'm')) {
      value *= MULTIPLIER.get(glued[1].toLowerCase()) ?? 1;
      end += glued[0].length;
      after = text.slice(end, end + 40);
    } else {
      let scale = 1;
      for (let m = MULTIPLIER_AFTER.exec(after); m; m = MULTIPLIER_AFTER.exec(after)) {
        scale *= MULTIPLIER.get(m[1].toLowerCase()) ?? 1;
        value *= MULTIPLIER.get(m[1].toLowerCase()) ?? 1;
        end += m[0].length;
        end += abbreviationDot(text, end, m[1]);
        after = text.slice(end, end + 40);
      }
      // A smaller part after a multiplied one: "2 միլիոն 977 հազար", "1 млн 200 тыс.", "2 million 300 thousand".
      const rest = scale > 1 ? COMPOUND_AFTER.exec(after) : null;
      const restScale = rest ? (MULTIPLIER.get(rest[2].toLowerCase()) ?? 1) : 1;
      if (rest && restScale > 1 && restScale < scale) {
        value += Number(rest[1]) * restScale;
        end += rest[0].length;
        end += abbreviationDot(text, end, rest[2]);
        after = text.slice(end, end + 40);
      }
    }
  }
  const percent = PERCENT_AFTER.exec(after);
  if (percent) {
    kind = 'percent';
    unit = '%';
    end += percent[0].length;
    end += abbreviationDot(text, end, percent[0].trim());
  } else {
    const currency = CURRENCY_AFTER.exec(after) ?? SYMBOL_AFTER.exec(after);
    if (currency) {
      kind = 'money';
      unit = CURRENCY_WORD.get(currency[1].toLowerCase()) ?? CURRENCY_SYMBOLS[currency[1]] ?? unit;
      end += currency[0].length;
      end += abbreviationDot(text, end, currency[1]);
    }
  }
  const at = lowerBound(tokens, end);
  const next = at < tokens.length && tokens[at].start - end <= 2 ? tokens[at] : undefined;
  // The counted noun, not a verb ("20 thousand voted").
  const noun =
    next &&
    !next.cap &&
    !NOT_NAMES.has(next.lower) &&
    !/^(?:[a-z]+ed|[\u0400-\u04ff]+(?:ли|ла|ло))$/u.test(next.lower) &&
    /^\s*$/.test(text.slice(end, next.start))
      ? next.lower
      : undefined;
  if (kind !== 'number') confidence = Math.min(0.95, confidence + 0.05);
  value = round(value);
  return {
    type: 'quantity',
    text: text.slice(start, end),
    value,
    start,
    end,
    confidence,
    quantity: { kind, qualifier, unit, ...(noun ? { noun } : {}) },
  };
}

function digitCores(text: string, lang: string): Core[] {
  const cores: Core[] = [];
  for (const m of text.matchAll(digitPattern(lang))) {
    const value = parseDigits(m[1], lang);
    if (value === null) continue;
    cores.push({ start: m.index, end: m.index + m[1].length, value, confidence: 0.9, multiplied: false });
  }
  return cores;
}

/** The parts of one word: "twenty-five" → twenty, five; "libo't" → libo (+ the joiner 't). */
function wordParts(lower: string, lang: string): string[] | null {
  const bare = lower.replace(/['’]t$/u, '');
  if (TAGALOG_ONLY.has(bare) && lang !== 'tl' && lang !== 'fil' && lang !== 'und') return null;
  if (NUMBER_WORD.has(bare) || (MULTIPLIER.has(bare) && !GLUED_ONLY.has(bare))) return [bare];
  const pieces = bare.split('-');
  if (pieces.length > 1 && pieces.every((p) => NUMBER_WORD.has(p) && (lang === 'tl' || !TAGALOG_ONLY.has(p))))
    return pieces;
  return null;
}

function wordValue(parts: string[]): number {
  let total = 0;
  let current = 0;
  for (const p of parts) {
    const mult = NUMBER_WORD.has(p) ? undefined : MULTIPLIER.get(p);
    if (mult === undefined) current += NUMBER_WORD.get(p) ?? 0;
    else if (mult === 100) current = (current || 1) * 100;
    else {
      total += (current || 1) * mult;
      current = 0;
    }
  }
  return total + current;
}

function wordCores(
  text: string,
  lang: string,
  tokens: Token[],
  taken: (start: number, end: number) => boolean,
): Core[] {
  const cores: Core[] = [];
  const spaced = (a: Token, b: Token) => /^[ \u00a0]{1,2}$/.test(text.slice(a.end, b.start));
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    // Capitalised mid-sentence, a number word is a name (Lima) or part of one.
    if ((first.cap && !first.sentenceInitial) || taken(first.start, first.end)) continue;
    const firstParts = wordParts(first.lower, lang);
    if (!firstParts) continue;
    const parts = [...firstParts];
    let last = i;
    for (
      let j = i + 1;
      j < tokens.length && spaced(tokens[j - 1], tokens[j]) && !taken(tokens[j].start, tokens[j].end);
      j++
    ) {
      const t = tokens[j];
      const p = wordParts(t.lower, lang);
      if (p && !t.cap) {
        parts.push(...p);
        last = j;
        continue;
      }
      const next = tokens[j + 1];
      const nextParts = next && spaced(t, next) ? wordParts(next.lower, lang) : null;
      const prev = parts[parts.length - 1];
      const prevIsMultiplier = MULTIPLIER.has(prev) && !NUMBER_WORD.has(prev);
      // apat na raan, siyam na libo · two thousand and five, dalawang libo at limang daan
      if (
        nextParts &&
        ((t.lower === 'na' && NA_LINKED.has(prev) && MULTIPLIER.has(nextParts[0])) ||
          ((t.lower === 'at' || t.lower === 'and') && prevIsMultiplier))
      ) {
        parts.push(...nextParts);
        last = j + 1;
        j++;
        continue;
      }
      break;
    }
    // Trim trailing words that cannot end a number ("a" alone, joiners).
    const hasMultiplier = parts.some((p) => MULTIPLIER.has(p) && !NUMBER_WORD.has(p));
    const hasNumberWord = parts.some((p) => NUMBER_WORD.has(p));
    if (!hasNumberWord) continue; // a lone "libo" or "thousand" is not a number
    if (parts.length === 1 && NOT_ALONE.has(parts[0])) continue;
    if (parts[0] === 'a' && !(parts.length > 1 && (MULTIPLIER.has(parts[1]) || parts[1] === 'dozen'))) continue;
    const value = wordValue(parts);
    if (value <= 0) continue;
    const confidence = hasMultiplier || parts.length > 1 ? 0.8 : 0.55;
    cores.push({ start: first.start, end: tokens[last].end, value, confidence, multiplied: true });
    i = last;
  }
  return cores;
}

/** Every quantity in the text, each with its qualifier, unit and counted noun. */
export function findQuantities(
  text: string,
  lang: string,
  tokens: Token[],
  taken: (start: number, end: number) => boolean = () => false,
): Mention[] {
  const digits = digitCores(text, lang);
  const words = wordCores(text, lang, tokens, taken);
  return [...digits, ...words].map((core) => finish(text, core, tokens)).sort((a, b) => a.start - b.start);
}
