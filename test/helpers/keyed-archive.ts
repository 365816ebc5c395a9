// A fresh archive (search inline) holding one small document per key, for tests that ask which documents a query
// finds: `ids[key]` is the id of the document imported under that key.
import { join } from 'node:path';
import { Archive } from '../../main/archive/archive';

export type KeyedDocument = [key: string, text: string, lang: string];

export async function openKeyedArchive(
  dir: string,
  name: string,
  docs: KeyedDocument[],
): Promise<{ archive: Archive; ids: Record<string, string> }> {
  const archive = await Archive.open(join(dir, `${name}.sqlite`), { search: 'inline' });
  const ids: Record<string, string> = {};
  for (const [key, text, lang] of docs) {
    const outcome = await archive.documents.importFile({
      name: `${key}.txt`,
      bytes: new TextEncoder().encode(text),
      lang,
    });
    if (outcome.status !== 'imported') throw new Error(`${key} was not imported: ${outcome.reason}`);
    ids[key] = outcome.document.id;
  }
  return { archive, ids };
}
