// Ordered list of schema migrations. Never edit one that has shipped: add a new file instead.
import type { Database } from '../connection';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-annotations';
import * as m0003 from './0003-search-index';
import * as m0004 from './0004-originals-and-pages';
import * as m0005 from './0005-facts';
import * as m0006 from './0006-translations';
import * as m0007 from './0007-library';
import * as m0008 from './0008-team-sync';
import * as m0009 from './0009-sync-adopted';
import * as m0010 from './0010-text-once';
import * as m0011 from './0011-originals-deflated';
import * as m0012 from './0012-search-term-pipelines';
import * as m0013 from './0013-search-name-keys';
import * as m0014 from './0014-sentences-packed';
import * as m0015 from './0015-dedup-numbers';
import * as m0016 from './0016-search-hash-size';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: m0001.up },
  { version: 2, name: 'annotations', up: m0002.up },
  { version: 3, name: 'search index', up: m0003.up },
  { version: 4, name: 'originals and pages', up: m0004.up },
  { version: 5, name: 'facts', up: m0005.up },
  { version: 6, name: 'translations', up: m0006.up },
  { version: 7, name: 'library', up: m0007.up },
  { version: 8, name: 'team sync', up: m0008.up },
  { version: 9, name: 'sync adopted ids', up: m0009.up },
  { version: 10, name: 'text stored once', up: m0010.up },
  { version: 11, name: 'originals deflated', up: m0011.up },
  { version: 12, name: 'search term pipelines', up: m0012.up },
  { version: 13, name: 'search name keys', up: m0013.up },
  { version: 14, name: 'sentences packed', up: m0014.up },
  { version: 15, name: 'dedup numbers', up: m0015.up },
  { version: 16, name: 'search hash size', up: m0016.up },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

// Versions must strictly increase; a mistake here would corrupt archives, so fail at load time.
MIGRATIONS.forEach((m, i) => {
  if (m.version !== i + 1) throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`);
});
