// Inline Markdown → plain text. Regex-based on purpose: we only need the words, not a faithful render.
import { decodeEntities } from './entities';

// NUL can never occur in the text (binary check + normalisation), so it is a safe placeholder marker.
const MARK = '\u0000';

export function stripInlineMarkdown(source: string): string {
  const held: string[] = [];
  const hold = (s: string): string => `${MARK}${held.push(s) - 1}${MARK}`;
  let t = source;
  // Code spans are literal: protect them from every rule below.
  t = t.replace(/(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (_m, _ticks: string, code: string) =>
    hold(code.length > 2 && code.startsWith(' ') && code.endsWith(' ') ? code.slice(1, -1) : code),
  );
  t = t.replace(/\\([!-/:-@[-`{-~])/g, (_m, c: string) => hold(c)); // backslash escapes
  t = t.replace(/<!--[\s\S]*?(?:-->|$)/g, ''); // HTML comments
  t = t.replace(/<(script|style|noscript|template|iframe|textarea)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '');
  t = t.replace(/!\[[^\]]*\]\((?:[^()]|\([^()]*\))*\)/g, ''); // images are dropped
  t = t.replace(/!\[[^\]]*\]\[[^\]]*\]/g, '');
  t = t.replace(/\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1'); // [text](url) → text
  t = t.replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1'); // [text][ref] → text
  t = t.replace(/<((?:https?|ftp):\/\/[^\s<>]+)>/gi, (_m, url: string) => hold(url)); // autolinks → URL
  t = t.replace(/<(?:mailto:)?([^\s<>@:]+@[^\s<>@]+\.[^\s<>@]+)>/gi, (_m, addr: string) => hold(addr));
  t = t.replace(/<br\s*\/?>/gi, ' ');
  t = t.replace(/<\/?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?\/?>/g, ''); // any other HTML tag
  t = t.replace(/(\*\*\*|___)(?=\S)([\s\S]*?\S)\1/g, '$2');
  t = t.replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '$1');
  t = t.replace(/(^|[^\p{L}\p{N}_])__(?=\S)([\s\S]*?\S)__(?![\p{L}\p{N}_])/gu, '$1$2');
  t = t.replace(/\*(?=\S)([\s\S]*?\S)\*/g, '$1');
  // Underscores inside words (snake_case) are not emphasis.
  t = t.replace(/(^|[^\p{L}\p{N}_])_(?=\S)([\s\S]*?\S)_(?![\p{L}\p{N}_])/gu, '$1$2');
  t = t.replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1');
  t = decodeEntities(t);
  return t.replace(new RegExp(`${MARK}(\\d+)${MARK}`, 'g'), (_m, i: string) => held[Number(i)] ?? '');
}
