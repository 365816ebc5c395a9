// Inline Markdown → plain text. Regex-based on purpose: we only need the words, not a faithful render.
import { decodeEntities } from './entities';

// NUL can never occur in the text (binary check + normalisation), so it is a safe placeholder marker.
const MARK = '\u0000';

export function stripInlineMarkdown(source: string): string {
  const held: string[] = [];
  const hold = (s: string): string => `${MARK}${held.push(s) - 1}${MARK}`;
  let t = source;
  // Code spans are literal: protect them from every rule below.
  t = t.replace(/(?<!`)(`+)(?!`)([^]{0,2000}?[^`])\1(?!`)/g, (_m, _ticks: string, code: string) =>
    hold(code.length > 2 && code.startsWith(' ') && code.endsWith(' ') ? code.slice(1, -1) : code),
  );
  t = t.replace(/\\([!-/:-@[-`{-~])/g, (_m, c: string) => hold(c)); // backslash escapes
  t = t.replace(/<!--[\s\S]*?(?:-->|$)/g, ''); // HTML comments
  t = t.replace(/<(script|style|noscript|template|iframe|textarea)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '');
  // Bracket contents exclude both brackets so an unclosed "[" scans only to the next bracket.
  t = t.replace(/!\[[^[\]]*\]\((?:[^()]|\([^()]*\))*\)/g, ''); // images are dropped
  t = t.replace(/!\[[^[\]]*\]\[[^[\]]*\]/g, '');
  t = t.replace(/\[([^[\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1'); // [text](url) → text
  t = t.replace(/\[([^[\]]+)\]\[[^[\]]*\]/g, '$1'); // [text][ref] → text
  t = t.replace(/<((?:https?|ftp):\/\/[^\s<>]+)>/gi, (_m, url: string) => hold(url)); // autolinks → URL
  t = t.replace(/<(?:mailto:)?([^\s<>@:]+@[^\s<>@]+)>/gi, (m, addr: string) => (addr.includes('.') ? hold(addr) : m));
  t = t.replace(/<br\s*\/?>/gi, ' ');
  t = t.replace(/<\/?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?\/?>/g, ''); // any other HTML tag
  // Emphasis: the content may not contain its own delimiter character, which keeps each attempt
  // short (an unclosed "*" scans only to the next "*", never to the end of the text).
  t = t.replace(/\*\*\*(?=[^\s*])([^*]*[^\s*])\*\*\*/g, '$1');
  t = t.replace(/\*\*(?=[^\s*])((?:[^*]|\*[^*]+\*)*?[^\s*])\*\*/g, '$1');
  t = t.replace(/\*(?=[^\s*])([^*]*[^\s*])\*/g, '$1');
  // Underscores inside words (snake_case) are not emphasis.
  t = t.replace(/(^|[^\p{L}\p{N}_])__(?=[^\s_])([^_]*[^\s_])__(?![\p{L}\p{N}_])/gu, '$1$2');
  t = t.replace(/(^|[^\p{L}\p{N}_])_(?=[^\s_])([^_]*[^\s_])_(?![\p{L}\p{N}_])/gu, '$1$2');
  t = t.replace(/~~(?=[^\s~])([^~]*[^\s~])~~/g, '$1');
  t = decodeEntities(t);
  return t.replace(new RegExp(`${MARK}(\\d+)${MARK}`, 'g'), (_m, i: string) => held[Number(i)] ?? '');
}
