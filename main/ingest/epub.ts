// EPUB → passages: container.xml names the OPF package; its spine gives the chapters' reading order and
// its metadata the title, creator, date and language. Chapters are XHTML, read by the HTML parser.
// Every path comes from the file, so each is resolved inside the zip and never outside it.
import { declaredHtmlCharset, decodeText } from './decode';
import type { Draft, DraftMeta, DraftPassage } from './draft';
import { parseHtml } from './html';
import { cleanName, cleanTitle, normalizeDate } from './metadata';
import { cleanPassage } from './normalize';
import { reject } from './reject';
import { firstText, readXml } from './xml';
import { resolveEntryPath, SafeZip } from './zip';

const CHAPTER_TYPES = new Set(['application/xhtml+xml', 'text/html', 'application/html', 'text/x-oeb1-document']);

export function parseEpub(name: string, bytes: Uint8Array): Draft {
  const zip = SafeZip.open(name, bytes, 'EPUB');
  if (!zip.has('META-INF/container.xml')) reject(name, 'this is not an EPUB file (no META-INF/container.xml)');
  if (zip.has('META-INF/encryption.xml') && /<(?:\w+:)?EncryptedData\b/.test(zip.readText('META-INF/encryption.xml'))) {
    reject(name, 'this EPUB is encrypted (DRM); Tala cannot read it');
  }
  const container = readXml(zip.readText('META-INF/container.xml'));
  const rootHref = container.find((e) => e.name === 'rootfile' && e.attributes['full-path'])?.attributes['full-path'];
  const opfPath = rootHref ? resolveEntryPath('', rootHref) : undefined;
  if (!opfPath || !zip.has(opfPath)) reject(name, 'this EPUB file is damaged (its package document is missing)');
  const opf = readXml(zip.readText(opfPath));

  const manifest = new Map<string, { path: string | undefined; type: string; properties: string }>();
  for (const item of opf.filter((e) => e.name === 'item' && e.path.includes('manifest'))) {
    const { id, href } = item.attributes;
    if (!id || !href) continue;
    manifest.set(id, {
      path: resolveEntryPath(opfPath, href),
      type: (item.attributes['media-type'] ?? '').toLowerCase(),
      properties: item.attributes.properties ?? '',
    });
  }
  const spine = opf.filter((e) => e.name === 'itemref' && e.path.includes('spine')).map((e) => e.attributes.idref);
  if (spine.length === 0) reject(name, 'this EPUB file is damaged (its spine lists no chapters)');

  const passages: DraftPassage[] = [];
  const done = new Set<string>();
  for (const idref of spine) {
    const item = idref ? manifest.get(idref) : undefined;
    // The navigation document (table of contents) is not part of the text.
    if (!item?.path || done.has(item.path) || !CHAPTER_TYPES.has(item.type) || /\bnav\b/.test(item.properties))
      continue;
    done.add(item.path);
    if (!zip.has(item.path)) continue;
    // Chapters are XHTML, normally UTF-8; older books declare another encoding in their XML declaration.
    const raw = zip.read(item.path);
    for (const p of parseHtml(decodeText(name, raw, declaredHtmlCharset(raw)).text).passages) {
      const text = cleanPassage(p.text);
      if (text) passages.push({ kind: p.kind, text });
    }
  }

  const meta: DraftMeta = {};
  const title = cleanTitle(firstText(opf, 'title', 'metadata'));
  if (title) meta.title = title;
  const author = cleanName(firstText(opf, 'creator', 'metadata'));
  if (author) meta.author = author;
  const date = normalizeDate(firstText(opf, 'date', 'metadata'));
  if (date) meta.publishedAt = date;
  const lang = firstText(opf, 'language', 'metadata');
  if (lang) meta.langHint = lang;
  if (!meta.title) {
    const heading = passages.find((p) => p.kind === 'heading') ?? passages[0];
    const fallback = heading && cleanTitle(heading.text.length > 150 ? `${heading.text.slice(0, 149)}…` : heading.text);
    if (fallback) meta.title = fallback;
  }
  return { passages, meta };
}
