// `npm run -s schema:fresh`: writes main/db/migrations/fresh-schema.ts, the schema that all the numbered
// migrations make on an empty file as one script (main/db/schema-script.ts), which a new archive is made with
// (main/db/migrate.ts).
// Run it after adding a migration; test/main/db/fresh-schema.test.ts fails until then.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '../main/db/connection';
import { migrate } from '../main/db/migrate';
import { freshSchemaModule, schemaScript } from '../main/db/schema-script';

const file = join(import.meta.dirname, '..', 'main', 'db', 'migrations', 'fresh-schema.ts');
const db = await Database.open(':memory:');
const { to } = await migrate(db, { freshSchema: null });
writeFileSync(file, freshSchemaModule(to, await schemaScript(db)));
await db.close();
execFileSync('npx', ['prettier', '--write', '--log-level', 'warn', file], { stdio: 'inherit' });
process.stdout.write(`${file}: schema version ${to}\n`);
