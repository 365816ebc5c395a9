// Schema v12: which stemming pipelines' documents hold each word (derived search data, rebuilt by reindex). A
// query word is then stemmed only under the pipelines of the languages that hold it (or under all of them when
// no document holds it as typed): "mataki" is not also looked for as Turkish "ma" in every language.
import type { Database } from '../connection';

export async function up(db: Database): Promise<void> {
  await db.exec(`
    CREATE TABLE search_term_pipelines (
      term     TEXT NOT NULL,              -- a folded word as written (search_terms.term)
      pipeline TEXT NOT NULL,              -- the language pipeline of a document holding it (stemming ones only)
      PRIMARY KEY (term, pipeline)
    ) WITHOUT ROWID;
  `);
}
