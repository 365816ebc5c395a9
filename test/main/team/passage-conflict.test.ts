// The same passage corrected on two desktops at once: one text wins everywhere (server order), the other waits in
// the review list as ONE item (not also the document, its sentences, its old version and the passages whose
// offsets moved), and the passage says "edited elsewhere" in place. Real SQLite files and a real PostgreSQL cluster.
import { describe, expect, it } from 'vitest';
import { postgresUnavailable } from '../../helpers/postgres';
import { importTagalog, importText, snapshot, useDesktops } from './desktops';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLES_DIR } from '../../helpers/temp';

const unavailable = postgresUnavailable();
if (unavailable && process.env.CI) throw new Error(`PostgreSQL is required in CI: ${unavailable}`);

describe.skipIf(unavailable)('a passage corrected on two desktops at once', () => {
  const { team, desktop } = useDesktops();

  it('one review item on each desktop, the passage marked, converged; taking the other text settles it', async () => {
    const db = await team();
    const a = await desktop('alice', db);
    const b = await desktop('bob', db);
    const docId = await importTagalog(a);
    // A longer file, stored deflated here: it travels and arrives as the imported bytes (a pull checks the size).
    const article = readFileSync(join(SAMPLES_DIR, 'nkr-2012-halalan.tl.txt'), 'utf8');
    const articleId = await importText(a, 'artikulo.txt', article, 'tl');
    await a.team.sync();
    await b.team.sync();
    expect((await b.documents.original(articleId)).data).toEqual(new TextEncoder().encode(article));
    const doc = await a.documents.get(docId);
    const passage = doc.passages[1];
    await a.documents.editPassage(docId, passage.id, `${passage.text} (ayon kay Alice)`);
    await b.documents.editPassage(docId, passage.id, `${passage.text} (ayon kay Bob)`);
    await a.team.sync();
    await b.team.sync(); // Bob's correction reaches the server later: it is current everywhere
    await a.team.sync();

    for (const [side, other, otherText] of [
      [a, 'bob', `${passage.text} (ayon kay Alice)`],
      [b, 'alice', `${passage.text} (ayon kay Alice)`],
    ] as const) {
      expect((await side.team.status()).lastError).toBeNull();
      const items = await side.team.conflicts();
      expect(items.map((c) => [c.entity, c.kind, c.rowKey, c.other?.text])).toEqual([
        ['passages', 'edit', [passage.id], otherText],
      ]);
      const now = await side.documents.get(docId);
      expect(now.passages[1].text).toBe(`${passage.text} (ayon kay Bob)`);
      expect(now.passages.map((p) => p.editedElsewhere?.by ?? null)).toEqual(
        now.passages.map((p) => (p.id === passage.id ? other : null)),
      );
    }
    expect(await snapshot(b)).toEqual(await snapshot(a));
    // The pulled texts are stored once there too (schema v10): every passage's text is its document's by offsets.
    for (const side of [a, b]) expect((await snapshot(side)).passages.every((p) => p.own_text === null)).toBe(true);

    // Bob takes Alice's text: after the next syncs it is current on both and nothing is left to review.
    const [item] = await b.team.conflicts();
    await b.team.resolve(item.id, 'take-other');
    await b.team.sync();
    await a.team.sync();
    for (const side of [a, b]) {
      const now = await side.documents.get(docId);
      expect(now.passages[1].text).toBe(`${passage.text} (ayon kay Alice)`);
      expect(now.text).toContain('(ayon kay Alice)');
      expect(now.passages.some((p) => p.editedElsewhere)).toBe(false);
    }
    expect(await b.team.conflicts()).toEqual([]);
    expect(await snapshot(b)).toEqual(await snapshot(a));
    for (const side of [a, b]) expect((await snapshot(side)).passages.every((p) => p.own_text === null)).toBe(true);
  });
});
