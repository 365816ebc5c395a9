// Schema v6: translations of documents, their stored alignments and manual corrections, typed
// translations (segments), and machine-local settings with a log of what machine translation sent out.
import type { Database } from '../connection';

export async function up(db: Database): Promise<void> {
  await db.exec(`
    -- "translation_document_id is a translation of source_document_id". Any number per document.
    CREATE TABLE translations (
      id                      TEXT PRIMARY KEY,          -- UUID
      source_document_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      translation_document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      origin                  TEXT NOT NULL CHECK (origin IN ('import', 'link', 'typed')),
      created_at              TEXT NOT NULL,
      CHECK (source_document_id <> translation_document_id),
      UNIQUE (source_document_id, translation_document_id)
    );
    CREATE INDEX translations_translation ON translations(translation_document_id);

    -- The last alignment computed for a link, valid for these two document versions and aligner version.
    -- beads: JSON [{source: [passage ordinals], target: [...], confidence, fixed?, sentences: [...]}].
    CREATE TABLE alignments (
      id              TEXT PRIMARY KEY,                  -- UUID
      translation_id  TEXT NOT NULL REFERENCES translations(id) ON DELETE CASCADE,
      source_version  INTEGER NOT NULL,
      target_version  INTEGER NOT NULL,
      aligner_version INTEGER NOT NULL,
      beads           TEXT NOT NULL,
      stats           TEXT NOT NULL,
      created_at      TEXT NOT NULL,
      UNIQUE (translation_id, source_version, target_version)
    );

    -- Manual corrections, one fixed bead per row, by passage id so that they survive edits elsewhere.
    -- source/target: JSON lists of passage ids (level 'paragraph') or [passage id, sentence ordinal] pairs.
    CREATE TABLE alignment_links (
      id             TEXT PRIMARY KEY,                   -- UUID
      translation_id TEXT NOT NULL REFERENCES translations(id) ON DELETE CASCADE,
      level          TEXT NOT NULL CHECK (level IN ('paragraph', 'sentence')),
      op             TEXT NOT NULL CHECK (op IN ('merge', 'split', 'shift', 'link')),
      source         TEXT NOT NULL,
      target         TEXT NOT NULL,
      created_at     TEXT NOT NULL
    );
    CREATE INDEX alignment_links_translation ON alignment_links(translation_id, created_at);

    -- A typed translation, segment by segment: the translation document's passages are built from these.
    CREATE TABLE translation_segments (
      id                TEXT PRIMARY KEY,                -- UUID
      translation_id    TEXT NOT NULL REFERENCES translations(id) ON DELETE CASCADE,
      ordinal           INTEGER NOT NULL,
      unit              TEXT NOT NULL CHECK (unit IN ('passage', 'sentence')),
      source_passage_id TEXT REFERENCES passages(id) ON DELETE SET NULL,
      source_sentence   INTEGER,                         -- sentence ordinal in the source passage (unit 'sentence')
      source_text       TEXT NOT NULL,                   -- the source text when the segment was made
      target_passage_id TEXT,                            -- the passage of the translation document it feeds
      text              TEXT NOT NULL DEFAULT '',
      status            TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'done')),
      updated_at        TEXT NOT NULL,
      UNIQUE (translation_id, ordinal)
    );

    -- Settings of this installation (never merged from another archive, scrubbed from portable copies).
    CREATE TABLE settings (
      key        TEXT PRIMARY KEY,
      value      TEXT NOT NULL,                          -- JSON
      updated_at TEXT NOT NULL
    ) WITHOUT ROWID;

    -- Every machine-translation request: what left the machine, when, and to where.
    CREATE TABLE mt_requests (
      id          TEXT PRIMARY KEY,                      -- UUID
      at          TEXT NOT NULL,
      endpoint    TEXT NOT NULL,
      source_lang TEXT NOT NULL,
      target_lang TEXT NOT NULL,
      characters  INTEGER NOT NULL,
      ok          INTEGER NOT NULL,
      error       TEXT
    );
  `);
}
