// Fills an archive with many generated documents fast, through the real repositories (one transaction, no
// parsing): for the library E2E and its timings. Titles, languages, types, dates, tags, collections and a few
// translations and versions vary so that every column sorts and every filter narrows.
import { randomUUID } from 'node:crypto';
import { Database } from '../../main/db/connection';
import { sql } from '../../main/db/sql';
import { insertDocument } from '../../main/documents/repo';
import { setDocumentTags } from '../../main/documents/tags-repo';
import { addToCollection, createCollection } from '../../main/library/collections-repo';
import { markVersionOf } from '../../main/library/dedup-repo';

const LANGS = ['tl', 'en', 'ru', 'hy'];
const TYPES = [
  'text/plain',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'text/html',
  'text/markdown',
];
const WORDS = [
  'Halalan',
  'Ulat',
  'Balita',
  'Kasaysayan',
  'Pahayag',
  'Выборы',
  'Отчёт',
  'Ընտրություններ',
  'Report',
  'Election',
  'Budget',
  'Court',
];
const TAGS = ['halalan', 'nkr', 'ekonomiya', 'korte', 'press', 'archive'];

export interface FilledLibrary {
  ids: string[];
  collectionIds: string[];
}

/** Inserts `count` documents (plus 3 collections, tags, translation links and versions) in one transaction. */
export async function fillLibrary(archivePath: string, count: number): Promise<FilledLibrary> {
  const db = await Database.open(archivePath);
  try {
    return await db.transaction(async (tx) => {
      const ids: string[] = [];
      const now = Date.now();
      for (let i = 0; i < count; i++) {
        const id = randomUUID();
        const title = `${WORDS[(i * 7) % WORDS.length]} ${(i * 7919) % count} ${WORDS[(i * 3) % WORDS.length]}`;
        const text = `${title}. Talata ${i} ng isang mahabang ulat tungkol sa halalan.`;
        const pdf = TYPES[i % TYPES.length] === 'application/pdf';
        await insertDocument(tx, {
          id,
          title,
          lang: LANGS[i % LANGS.length],
          source: null,
          author: i % 5 === 0 ? `May-akda ${i % 97}` : null,
          publishedAt:
            i % 3 === 0
              ? `${1990 + (i % 35)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`
              : null,
          fileCreatedAt: pdf ? '2020-01-02' : null,
          originalName: `doc-${i}.txt`,
          mediaType: TYPES[i % TYPES.length],
          contentHash: `generated-${id}`,
          importedAt: new Date(now - i * 60_000).toISOString(),
          text,
          passages: [
            {
              id: randomUUID(),
              kind: 'paragraph',
              text,
              start: 0,
              end: text.length,
              sentences: [[0, text.length]],
              page: pdf ? 1 + (i % 40) : null,
            },
          ],
        });
        if (i % 4 === 0) await setDocumentTags(tx, id, [TAGS[i % TAGS.length], TAGS[(i + 1) % TAGS.length]]);
        ids.push(id);
      }
      const collectionIds: string[] = [];
      for (const [n, name] of ['Halalan 2012', 'Press', 'Korte'].entries()) {
        const c = await createCollection(tx, name);
        await addToCollection(
          tx,
          c.id,
          ids.filter((_, i) => i % (5 + n) === 0),
        );
        collectionIds.push(c.id);
      }
      // Every 50th document has a translation (the next one), every 70th another version (the one after).
      for (let i = 0; i + 2 < count; i += 50) {
        await tx.run(sql`INSERT INTO translations (id, source_document_id, translation_document_id, origin, created_at)
                         VALUES (${randomUUID()}, ${ids[i]}, ${ids[i + 1]}, 'link', ${new Date().toISOString()})`);
      }
      for (let i = 2; i + 1 < count; i += 70) await markVersionOf(tx, ids[i + 1], ids[i]);
      return { ids, collectionIds };
    });
  } finally {
    await db.close();
  }
}
