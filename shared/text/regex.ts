// Long regular expressions written as named parts, one per line, so none runs off the page: each part is a
// regular expression of its own (checked by the parser and the linter); the whole has exactly the source the
// parts spell out when joined, so it matches what the one long literal did.

/** `a|b|c` from the parts a, b, c: alternatives, e.g. one per language. */
export function alternatives(parts: readonly RegExp[]): string {
  return parts.map((part) => part.source).join('|');
}

/** `abc` from the parts a, b, c: one after the other. */
export function sequence(parts: readonly RegExp[]): string {
  return parts.map((part) => part.source).join('');
}

/** A character of any of these scripts (Unicode Script names): `[\p{Script=Han}\p{Script=Thai}…]`, flag u. */
export function scriptClass(scripts: readonly string[]): RegExp {
  return new RegExp(`[${scripts.map((script) => `\\p{Script=${script}}`).join('')}]`, 'u');
}

/** Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese). */
export const UNSPACED_SCRIPTS = ['Han', 'Hiragana', 'Katakana', 'Thai', 'Lao', 'Khmer', 'Myanmar'] as const;
