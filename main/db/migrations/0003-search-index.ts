// Schema v3: the search index (derived data: `reindex` rebuilds all of it from documents and passages).
//
// search_fts holds, per passage, the lunr-processed token streams of its fields, space-joined so that FTS5
// position i is token i (phrases work): words as written (folded), then the stems that differ, marked with
// "§". Its rowid is search_docs.num * 2^22 + passage ordinal, so one document is one rowid range.
// search_dirty lists documents whose index rows are out of date; triggers fill it on every write path
// (passage edits, metadata, tags, annotations), and the search engine re-indexes them before it answers.
import type { Database } from '../connection';

export async function up(db: Database): Promise<void> {
  await db.exec(`
    CREATE TABLE search_docs (
      num          INTEGER PRIMARY KEY,          -- stable small id: FTS rowids are num * 4194304 + ordinal
      document_id  TEXT NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
      lang         TEXT NOT NULL,                -- copies of the document's filter columns
      media_type   TEXT NOT NULL,
      published_at TEXT,
      passages     INTEGER NOT NULL              -- passages indexed for this document
    );
    CREATE INDEX search_docs_lang ON search_docs(lang);

    CREATE VIRTUAL TABLE search_fts USING fts5(
      title, text, note, tag, translit,
      tokenize = 'ascii', content = '', contentless_delete = 1
    );
    -- Field weights for bm25(): title, text, note, tag, transliteration.
    INSERT INTO search_fts (search_fts, rank) VALUES ('rank', 'bm25(3.0, 1.0, 1.5, 2.0, 0.8)');
    CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row');

    -- Words and transliterations seen by the indexer (wildcard, fuzzy and did-you-mean expand against it).
    CREATE TABLE search_terms (id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE);

    CREATE TABLE search_dirty (document_id TEXT PRIMARY KEY) WITHOUT ROWID;

    CREATE TABLE search_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
    INSERT INTO search_state (key, value) VALUES ('generation', 0), ('terms_epoch', 0), ('analyzer_version', 0);

    CREATE TRIGGER search_docs_deleted AFTER DELETE ON search_docs BEGIN
      DELETE FROM search_fts WHERE rowid BETWEEN old.num * 4194304 AND old.num * 4194304 + 4194303;
      UPDATE search_state SET value = value + 1 WHERE key = 'generation';
    END;

    CREATE TRIGGER search_dirty_passage_insert AFTER INSERT ON passages BEGIN
      INSERT OR IGNORE INTO search_dirty (document_id) VALUES (new.document_id);
    END;
    CREATE TRIGGER search_dirty_passage_update AFTER UPDATE OF text, ordinal, start_offset, end_offset ON passages BEGIN
      INSERT OR IGNORE INTO search_dirty (document_id) VALUES (new.document_id);
    END;
    CREATE TRIGGER search_dirty_passage_delete AFTER DELETE ON passages BEGIN
      INSERT OR IGNORE INTO search_dirty (document_id) SELECT old.document_id WHERE EXISTS (SELECT 1 FROM documents
        WHERE id = old.document_id);
    END;
    CREATE TRIGGER search_dirty_document_update AFTER UPDATE OF title, lang, media_type, published_at ON documents BEGIN
      INSERT OR IGNORE INTO search_dirty (document_id) VALUES (new.id);
    END;
    CREATE TRIGGER search_dirty_document_delete AFTER DELETE ON documents BEGIN
      DELETE FROM search_dirty WHERE document_id = old.id;
    END;
    CREATE TRIGGER search_dirty_document_tag_insert AFTER INSERT ON document_tags BEGIN
      INSERT OR IGNORE INTO search_dirty (document_id) VALUES (new.document_id);
    END;
    CREATE TRIGGER search_dirty_document_tag_delete AFTER DELETE ON document_tags BEGIN
      INSERT OR IGNORE INTO search_dirty (document_id) SELECT old.document_id WHERE EXISTS (SELECT 1 FROM documents
        WHERE id = old.document_id);
    END;
    CREATE TRIGGER search_dirty_tag_rename AFTER UPDATE OF name ON tags BEGIN
      INSERT OR IGNORE INTO search_dirty (document_id)
        SELECT document_id FROM document_tags WHERE tag_id = new.id
        UNION SELECT a.document_id FROM annotation_tags t JOIN annotations a ON a.id = t.annotation_id WHERE t.tag_id
          = new.id;
    END;
    CREATE TRIGGER search_dirty_annotation_insert AFTER INSERT ON annotations BEGIN
      INSERT OR IGNORE INTO search_dirty (document_id) VALUES (new.document_id);
    END;
    CREATE TRIGGER search_dirty_annotation_update AFTER UPDATE OF note, start_offset, end_offset, status ON
      annotations BEGIN
      INSERT OR IGNORE INTO search_dirty (document_id) VALUES (new.document_id);
    END;
    CREATE TRIGGER search_dirty_annotation_delete AFTER DELETE ON annotations BEGIN
      INSERT OR IGNORE INTO search_dirty (document_id) SELECT old.document_id WHERE EXISTS (SELECT 1 FROM documents
        WHERE id = old.document_id);
    END;
    CREATE TRIGGER search_dirty_annotation_tag_insert AFTER INSERT ON annotation_tags BEGIN
      INSERT OR IGNORE INTO search_dirty (document_id) SELECT document_id FROM annotations WHERE id = new.annotation_id;
    END;
    CREATE TRIGGER search_dirty_annotation_tag_delete AFTER DELETE ON annotation_tags BEGIN
      INSERT OR IGNORE INTO search_dirty (document_id) SELECT document_id FROM annotations WHERE id = old.annotation_id;
    END;

    -- Documents already in the archive are indexed by the search engine after the upgrade.
    INSERT INTO search_dirty (document_id) SELECT id FROM documents;
  `);
}
