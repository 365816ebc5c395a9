// Child of the crash test: writes to an archive as fast as it can and acknowledges each committed
// write on stdout ("ACK doc <id>" / "ACK ann <id>"), until it is killed.
import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import { Archive } from '../main/archive/archive';
import { archiveFileIn } from '../main/archive/paths';
import { InlineParser } from '../main/ingest/parser';

const dir = process.argv[2];
if (!dir) throw new Error('usage: crash-child <archive dir>');

// Parsing inline: this test is about durable writes, and a parse worker's start-up would eat the short runs.
const parser = new InlineParser();
// The format parsers load with the first parsed file; load them before READY, so the kill lands on writes and
// not on module loading (under load that takes longer than the whole window before the kill).
await parser.parse({ name: 'warm-up.txt', bytes: new TextEncoder().encode('Warm-up.') });
const archive = await Archive.open(archiveFileIn(dir), { parser });
const ack = (line: string) => writeSync(1, `${line}\n`); // synchronous: the line is out before the next write starts
// READY (the harness starts its kill timer) once the first write is acknowledged: on a loaded machine the first
// import (modules loaded lazily, caches cold) can outlast the whole random kill window, and a run then kills
// the writer before it ever wrote.
let ready = false;
const acked = (line: string) => {
  ack(line);
  if (!ready) ack('READY');
  ready = true;
};
for (let i = 0; ; i++) {
  if (i % 3 === 2) {
    const docs = await archive.documents.list();
    const doc = docs[Math.floor(Math.random() * docs.length)];
    if (doc) {
      const detail = await archive.documents.get(doc.id);
      const start = Math.floor(Math.random() * Math.max(1, detail.text.length - 20));
      const a = await archive.annotations
        .create({ docId: doc.id, start, end: Math.min(detail.text.length, start + 12), note: `tala ${i}` })
        .catch(() => undefined);
      if (a) acked(`ACK ann ${a.id}`);
      continue;
    }
  }
  // Every other import is a burst of files submitted together, as a folder import does: they share group commits
  // (and the wait for a fuller group), and each is acknowledged when its own commit returned.
  const files = i % 3 === 1 ? 8 : 1;
  await Promise.all(
    Array.from({ length: files }, async (_, f) => {
      const outcome = await archive.documents.importFile({ name: `crash-${i}-${f}.txt`, bytes: crashText() });
      if (outcome.status === 'imported') acked(`ACK doc ${outcome.document.id}`);
    }),
  );
}

function crashText(): Uint8Array {
  const paragraphs = Array.from(
    { length: 20 },
    (_, p) =>
      `Talata ${p} ng dokumento ${randomUUID()}: ang halalan ay ginanap noong Hulyo 19, 2012 at 47 libo ang bumoto.`,
  );
  return new TextEncoder().encode(paragraphs.join('\n\n'));
}
