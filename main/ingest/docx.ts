// DOCX → passages with mammoth (styles give headings: Title, Heading 1–6), then the HTML parser for the
// passages. The container is checked by Tala's own zip guard first, and mammoth is handed a re-packed
// copy of exactly the entries the guard checked (images left empty: they are never converted), so a
// zip bomb, a path escape or a header that lies never reaches mammoth's own zip reader.
import { zipSync, type Zippable } from 'fflate';
import mammoth from 'mammoth';
import type { Draft, DraftMeta } from './draft';
import { parseHtml } from './html';
import { cleanName, cleanTitle, normalizeDate } from './metadata';
import { cleanPassage } from './normalize';
import { reject } from './reject';
import { firstText, readXml } from './xml';
import { SafeZip } from './zip';

const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  'p.Title => h1:fresh',
  'p.Subtitle => h2:fresh',
];

export async function parseDocx(name: string, bytes: Uint8Array): Promise<Draft> {
  const zip = SafeZip.open(name, bytes, 'DOCX');
  if (!zip.has('[Content_Types].xml') || !zip.has('word/document.xml'))
    reject(name, 'this is not a DOCX file (no Word document inside the zip)');
  const files: Zippable = {};
  for (const entry of zip.entries)
    files[entry.name] = [/^word\/media\//.test(entry.name) ? new Uint8Array(0) : zip.read(entry.name), { level: 0 }];
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(zipSync(files)) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
  } catch (err) {
    return reject(
      name,
      `this DOCX file is damaged (${(err instanceof Error ? err.message : String(err)).slice(0, 200)})`,
    );
  }
  const draft = parseHtml(html);
  const passages = draft.passages.map((p) => ({ ...p, text: cleanPassage(p.text) })).filter((p) => p.text !== '');
  const meta: DraftMeta = {};
  if (zip.has('docProps/core.xml')) {
    const core = readXml(zip.readText('docProps/core.xml'));
    const title = cleanTitle(firstText(core, 'title'));
    if (title) meta.title = title;
    const author = cleanName(firstText(core, 'creator'));
    if (author) meta.author = author;
    // dcterms:created is when the file was started, not a publication date.
    const created = normalizeDate(firstText(core, 'created'));
    if (created) meta.fileCreatedAt = created;
    const lang = firstText(core, 'language');
    if (lang) meta.langHint = lang;
  }
  if (!meta.title) {
    const heading = passages.find((p) => p.kind === 'heading') ?? passages[0];
    const title = heading && cleanTitle(heading.text.length > 150 ? `${heading.text.slice(0, 149)}…` : heading.text);
    if (title) meta.title = title;
  }
  return { passages, meta };
}
