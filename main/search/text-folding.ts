// Normalisation shared by indexing and querying: the same fold must run on both sides.

/** Lower-cases and removes diacritics (combining marks) so "Sahakyán" matches "sahakyan". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').normalize('NFC').toLowerCase();
}

/** Strips everything but letters and digits from both ends of a token, in every script. */
export function trimToken(token: string): string {
  return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}
