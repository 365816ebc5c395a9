// Numbers across digit systems: "٤٧", "۴۷", "४७", "๔๗", "４７" and "47" are all 47; "1,234", "1 234" and
// "1.234" are 1234; Japanese "第十二条" gives 12. Used as anchors: a vote count in Tagalog and its English
// translation share the number even when the words around it ("libo", "thousand", "тысяч") do not.

/** Code points of the digit zero of every decimal digit system worth knowing (the nine others follow it). */
const ZEROS = [
  0x0660, // Arabic-Indic
  0x06f0, // Extended Arabic-Indic (Persian, Urdu)
  0x07c0, // NKo
  0x0966, // Devanagari
  0x09e6, // Bengali
  0x0a66, // Gurmukhi
  0x0ae6, // Gujarati
  0x0b66, // Oriya
  0x0be6, // Tamil
  0x0c66, // Telugu
  0x0ce6, // Kannada
  0x0d66, // Malayalam
  0x0de6, // Sinhala
  0x0e50, // Thai
  0x0ed0, // Lao
  0x0f20, // Tibetan
  0x1040, // Myanmar
  0x17e0, // Khmer
  0x1810, // Mongolian
  0x1946, // Limbu
  0x19d0, // New Tai Lue
  0x1b50, // Balinese
  0xa8d0, // Saurashtra
  0xa900, // Kayah Li
  0xff10, // full-width
];

const DIGIT_VALUE = new Map<number, number>();
for (const zero of ZEROS) for (let d = 0; d < 10; d++) DIGIT_VALUE.set(zero + d, d);

// Every digit of those systems, zero to nine: [\u0660-\u0669\u06f0-\u06f9…\uff10-\uff19].
const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
const NON_ASCII_DIGIT = new RegExp(`[${ZEROS.map((zero) => `${hex(zero)}-${hex(zero + 9)}`).join('')}]`, 'g');

/** Replaces every decimal digit of another script by its ASCII digit (string length is unchanged). */
export function asciiDigits(text: string): string {
  return text.replace(NON_ASCII_DIGIT, (d) => String(DIGIT_VALUE.get(d.codePointAt(0)!) ?? d));
}

const KANJI_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const KANJI_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Value of a run of CJK numerals ("十二" → 12, "二千十二" → 2012, "二〇一二" → 2012), or undefined. */
export function kanjiNumber(run: string): number | undefined {
  if (!run) return undefined;
  if ([...run].every((c) => c in KANJI_DIGITS)) return Number([...run].map((c) => KANJI_DIGITS[c]).join(''));
  let total = 0;
  let current = 0;
  for (const c of run) {
    if (c in KANJI_DIGITS) current = KANJI_DIGITS[c];
    else if (c in KANJI_UNITS) {
      total += (current || 1) * KANJI_UNITS[c];
      current = 0;
    } else if (c === '万') {
      total = (total + current || 1) * 10_000;
      current = 0;
    } else return undefined;
  }
  return total + current;
}

// Digit groups separated by a comma, dot, apostrophe or (thin/no-break) space, then an optional decimal part.
const NUMBER = /\d+(?:(?:[,.'\u00a0\u202f\u2009 ])\d{3}(?!\d))*(?:[.,]\d+)?/g;
// CJK numerals only count where they clearly are numbers: after 第 ("the n-th") or before a counter.
const KANJI_NUMBER =
  /(?<=第)[〇零一二三四五六七八九十百千万]+|[〇零一二三四五六七八九十百千万]+(?=[条章節年月日人回])/g;

/** The numbers in a text, normalised ("1 234,5" → "1234.5"), in order of appearance. */
export function extractNumbers(text: string): string[] {
  const ascii = asciiDigits(text);
  const out: string[] = [];
  for (const match of ascii.matchAll(NUMBER)) out.push(normaliseNumber(match[0]));
  for (const match of text.matchAll(KANJI_NUMBER)) {
    const value = kanjiNumber(match[0]);
    if (value !== undefined) out.push(String(value));
  }
  return out;
}

function normaliseNumber(raw: string): string {
  const decimal = /[.,](\d{1,2})$/.exec(raw);
  const intPart = decimal ? raw.slice(0, decimal.index) : raw;
  const digits = intPart.replace(/[^\d]/g, '').replace(/^0+(?=\d)/, '');
  return decimal && Number(decimal[1]) !== 0 ? `${digits}.${decimal[1].replace(/0+$/, '')}` : digits;
}
