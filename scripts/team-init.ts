// Creates (or upgrades) a team's schema in PostgreSQL and its members, run once by the team's administrator:
//   npm run team:init -- --server postgres://admin@host/db [--member alice] [--member carol:read-only]
// Members log in as PostgreSQL roles; a read-only member can pull but the database refuses its pushes.
import { parseArgs } from 'node:util';
import { TeamService } from '../main/team/service';

const { values } = parseArgs({
  options: { server: { type: 'string' }, member: { type: 'string', multiple: true } },
  strict: true,
});
if (!values.server) {
  console.error('usage: npm run team:init -- --server postgres://ADMIN@HOST/DATABASE [--member NAME[:read-only]]...');
  process.exit(2);
}
const members = (values.member ?? []).map((m) => {
  const [name, mode] = m.split(':');
  return { name, readOnly: mode === 'read-only' };
});
try {
  const { from, to } = await TeamService.initServer(values.server, members);
  console.log(from === to ? `The team schema is up to date (version ${to}).` : `Team schema version ${from} → ${to}.`);
  for (const m of members) console.log(`member ${m.name}${m.readOnly ? ' (read-only)' : ''}: ready`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
