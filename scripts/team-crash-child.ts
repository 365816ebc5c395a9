// Child of the team crash test: opens an archive, optionally makes edits (acknowledging each committed one
// on stdout), then syncs with its team. The parent SIGKILLs it at random moments, mostly mid-sync.
import { writeSync } from 'node:fs';
import { Archive } from '../main/archive/archive';
import { archiveFileIn } from '../main/archive/paths';
import { InlineParser } from '../main/ingest/parser';

const [dir, mode, round] = process.argv.slice(2);
if (!dir || (mode !== 'edit' && mode !== 'sync'))
  throw new Error('usage: team-crash-child <archive dir> edit|sync [round]');
const say = (line: string) => writeSync(1, `${line}\n`);

const archive = await Archive.open(archiveFileIn(dir), { parser: new InlineParser(), search: 'inline' });
if (mode === 'edit') {
  const paragraphs = Array.from(
    { length: 60 },
    (_, p) => `Talata ${p} ng ulat ${round}: 47 libo ang bumoto para kay Bako Sahakyan noong 19 Hulyo 2012.`,
  );
  const outcome = await archive.documents.importFile({
    name: `ulat-${round}.txt`,
    bytes: new TextEncoder().encode(paragraphs.join('\n\n')),
    lang: 'tl',
  });
  if (outcome.status !== 'imported') throw new Error('not imported');
  say(`ACK doc ${outcome.document.id}`);
  const detail = await archive.documents.get(outcome.document.id);
  for (const p of detail.passages.slice(0, 30)) {
    const a = await archive.annotations.create({
      docId: detail.id,
      start: p.start,
      end: p.start + 6,
      note: `round ${round} ¶${p.ordinal}`,
    });
    say(`ACK ann ${a.id}`);
  }
}
say('SYNC-START');
const report = await archive.team.sync();
say(`SYNCED ${report.pushed} ${report.pulled}`);
await archive.close();
process.exit(0);
