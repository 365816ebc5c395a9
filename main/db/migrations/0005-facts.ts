// Facts ledger: entities with aliases, facts (subject — predicate — object, with qualifiers, status,
// confidence and origin) and their evidence. Evidence is an annotation (fact_evidence → annotations), so a
// passage edit re-anchors it like any other annotation. A proposal keeps the extractor's selector until the
// user accepts it; then an annotation is made from it.
import type { Database } from '../connection';

export async function up(db: Database): Promise<void> {
  await db.exec(`
    CREATE TABLE entities (
      id         TEXT PRIMARY KEY,               -- UUID
      type       TEXT NOT NULL CHECK (type IN ('person', 'organisation', 'place', 'other')),
      name       TEXT NOT NULL,                  -- canonical name
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE entity_aliases (
      id         TEXT PRIMARY KEY,               -- UUID
      entity_id  TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      alias      TEXT NOT NULL,                  -- as written ("Бако Саакян")
      key        TEXT NOT NULL,                  -- folded, transliterated to Latin ("bako saakyan")
      created_at TEXT NOT NULL,
      UNIQUE (entity_id, key)
    );
    CREATE INDEX entity_aliases_key ON entity_aliases(key);

    CREATE TABLE facts (
      id                 TEXT PRIMARY KEY,       -- UUID
      subject_id         TEXT NOT NULL REFERENCES entities(id),
      subject_alias      TEXT NOT NULL,          -- the subject's name as the source wrote it
      predicate          TEXT NOT NULL,
      predicate_key      TEXT NOT NULL,          -- lower-case, single spaces: groups and conflicts
      object_kind        TEXT NOT NULL CHECK (object_kind IN ('entity', 'number', 'date', 'text')),
      object_entity_id   TEXT REFERENCES entities(id),
      value_number       REAL,
      value_unit         TEXT,
      value_date         TEXT,                   -- ISO date, partial date or interval (1601/1700)
      value_date_from    TEXT,                   -- first and last day, for sorting and the timeline
      value_date_to      TEXT,
      value_text         TEXT,
      value_qualifier    TEXT NOT NULL DEFAULT 'exact' CHECK (value_qualifier IN ('exact', 'approx', 'gt', 'lt')),
      qualifier_date     TEXT,                   -- when the fact holds (e.g. election day)
      qualifier_place_id TEXT REFERENCES entities(id),
      status             TEXT NOT NULL CHECK (status IN ('proposed', 'confirmed', 'rejected')),
      confidence         REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
      origin             TEXT NOT NULL CHECK (origin IN ('extractor', 'person')),
      note               TEXT NOT NULL DEFAULT '',
      preferred          INTEGER NOT NULL DEFAULT 0 CHECK (preferred IN (0, 1)),
      preferred_reason   TEXT NOT NULL DEFAULT '',
      -- Where a proposal was read (TextQuote + TextPosition selector on documents.text); kept after acceptance.
      source_document_id TEXT REFERENCES documents(id) ON DELETE SET NULL,
      source_exact       TEXT,
      source_prefix      TEXT,
      source_suffix      TEXT,
      source_start       INTEGER,
      source_end         INTEGER,
      proposal_key       TEXT UNIQUE,            -- the same proposal is never made twice (nor after a rejection)
      created_at         TEXT NOT NULL,
      updated_at         TEXT NOT NULL,
      CHECK ((object_kind = 'entity') = (object_entity_id IS NOT NULL)),
      CHECK (object_kind <> 'number' OR value_number IS NOT NULL),
      CHECK (object_kind <> 'date' OR value_date IS NOT NULL),
      CHECK (object_kind <> 'text' OR value_text IS NOT NULL)
    );
    CREATE INDEX facts_subject ON facts(subject_id, predicate_key);
    CREATE INDEX facts_object ON facts(object_entity_id) WHERE object_entity_id IS NOT NULL;
    CREATE INDEX facts_place ON facts(qualifier_place_id) WHERE qualifier_place_id IS NOT NULL;
    CREATE INDEX facts_source ON facts(source_document_id, status);
    CREATE INDEX facts_status ON facts(status, updated_at);

    CREATE TABLE fact_evidence (
      fact_id       TEXT NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
      annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
      owned         INTEGER NOT NULL DEFAULT 1 CHECK (owned IN (0, 1)), -- made for this fact: deleted with it
      created_at    TEXT NOT NULL,
      PRIMARY KEY (fact_id, annotation_id)
    ) WITHOUT ROWID;
    CREATE INDEX fact_evidence_annotation ON fact_evidence(annotation_id);

    -- A deleted document takes its undecided proposals with it; confirmed facts keep their other evidence.
    CREATE TRIGGER facts_document_deleted BEFORE DELETE ON documents BEGIN
      DELETE FROM facts WHERE source_document_id = old.id AND status <> 'confirmed';
    END;
  `);
}
