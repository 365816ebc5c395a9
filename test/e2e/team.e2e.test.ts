// End to end: two desktops (two bridges on two archives, two browsers) and one team database on a throwaway
// PostgreSQL cluster. Alice's annotation and confirmed fact reach Bob after "Sync now" in each window, and a
// note both of them edited shows up in Bob's review list with Alice's version beside the current one; a person
// written in two scripts on the two desktops is offered there to merge; a note edited while its document is deleted
// on the other desktop is kept there with its text.
// Needs `npx electron-vite build`, /usr/bin/chromium and PostgreSQL's server programs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../shared/types';
import { TeamService } from '../../main/team/service';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../helpers/postgres';
import { startE2E, testId, type E2E } from './harness';

const unavailable = postgresUnavailable();
if (unavailable && process.env.CI) throw new Error(`PostgreSQL is required in CI: ${unavailable}`);

let pg: TestPostgres;
let alice: E2E;
let bob: E2E;
let tagalog: DocumentSummary;
let noteId = '';

async function syncNow(desktop: E2E): Promise<void> {
  const { page } = desktop;
  await page.locator(testId('team-sync-now')).click();
  await expect.poll(() => page.locator(testId('team-status')).innerText(), { timeout: 30_000 }).toMatch(/synced/);
  await expect.poll(() => page.locator(testId('team-sync-now')).isEnabled(), { timeout: 30_000 }).toBe(true);
}

describe.skipIf(unavailable)('a team of two desktops', () => {
  beforeAll(async () => {
    pg = startPostgres();
    const db = await pg.createDatabase();
    await TeamService.initServer(pg.urlFor('tala_admin', db), [{ name: 'alice' }, { name: 'bob' }]);
    alice = await startE2E({
      prefix: 'tala-team-a-',
      prepare: (archive) => archive.team.join(pg.urlFor('alice', db)).then(() => undefined),
    });
    bob = await startE2E({
      prefix: 'tala-team-b-',
      seedSamples: false,
      prepare: (archive) => archive.team.join(pg.urlFor('bob', db)).then(() => undefined),
    });
    tagalog = (await alice.archive.documents.list()).find((d) => d.lang === 'tl')!;
  }, 180_000);

  afterAll(async () => {
    await alice?.close();
    await bob?.close();
    pg?.stop();
  });

  it("shows Alice's annotation and confirmed fact on Bob's desktop after Sync now", async () => {
    const doc = await alice.archive.documents.get(tagalog.id);
    const quote = 'Bako Sahakyan';
    const start = doc.text.indexOf(quote);
    const note = await alice.archive.annotations.create({
      docId: doc.id,
      start,
      end: start + quote.length,
      note: 'the incumbent',
    });
    noteId = note.id;
    await alice.archive.facts.create({
      subject: { name: 'Bako Sahakyan', type: 'person' },
      predicate: 'votes received',
      object: { kind: 'number', number: 47_000, unit: 'votes' },
      date: '2012-07-19',
      evidence: [{ docId: doc.id, start, end: start + quote.length }],
    });

    await alice.page.goto(alice.bridge.url);
    await syncNow(alice);
    await bob.page.goto(bob.bridge.url);
    await syncNow(bob);

    await bob.page.goto(`${bob.bridge.url}#/doc/${tagalog.id}`);
    await bob.page.locator(`${testId('reader')}[data-doc-id="${tagalog.id}"]`).waitFor({ timeout: 20_000 });
    await expect
      .poll(() => bob.page.locator(testId('annotation-note')).allInnerTexts(), { timeout: 20_000 })
      .toContain('the incumbent');
    // Said in place: Alice made it, not Bob.
    const card = bob.page.locator('.note-card', { hasText: 'the incumbent' });
    expect(await card.locator(testId('edited-elsewhere')).innerText()).toMatch(/^Edited elsewhere by alice · /);
    await bob.page.goto(`${bob.bridge.url}#/facts`);
    const row = bob.page.locator(testId('facts-row'), { hasText: 'Bako Sahakyan' });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.locator(testId('facts-row-value')).innerText()).toMatch(/47[,.\u202f\u00a0]?000/);
    expect(await row.locator(testId('edited-elsewhere')).innerText()).toMatch(/Edited elsewhere by alice/);
    expect(bob.consoleErrors).toEqual([]);
  });

  it("and the other way round: Bob's annotation and confirmed fact on Alice's desktop", async () => {
    const doc = await bob.archive.documents.get(tagalog.id);
    const quote = 'Vitaly Balasanyan';
    const start = doc.text.indexOf(quote);
    expect(start).toBeGreaterThanOrEqual(0);
    await bob.archive.annotations.create({ docId: doc.id, start, end: start + quote.length, note: 'runner-up' });
    const fact = await bob.archive.facts.create({
      subject: { name: quote, type: 'person' },
      predicate: 'votes received',
      object: { kind: 'number', number: 32_000, unit: 'votes' },
      date: '2012-07-19',
      evidence: [{ docId: doc.id, start, end: start + quote.length }],
    });
    expect(fact.status).toBe('confirmed');
    await syncNow(bob);
    await syncNow(alice);

    await alice.page.goto(`${alice.bridge.url}#/doc/${tagalog.id}`);
    await alice.page.locator(`${testId('reader')}[data-doc-id="${tagalog.id}"]`).waitFor({ timeout: 20_000 });
    await expect
      .poll(() => alice.page.locator(testId('annotation-note')).allInnerTexts(), { timeout: 20_000 })
      .toContain('runner-up');
    const card = alice.page.locator('.note-card', { hasText: 'runner-up' });
    expect(await card.locator(testId('edited-elsewhere')).innerText()).toMatch(/^Edited elsewhere by bob · /);
    await alice.page.goto(`${alice.bridge.url}#/facts`);
    const row = alice.page.locator(testId('facts-row'), { hasText: quote });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.locator(testId('facts-row-value')).innerText()).toMatch(/32[,.\u202f\u00a0]?000/);
    expect(await row.locator(testId('edited-elsewhere')).innerText()).toMatch(/Edited elsewhere by bob/);
    expect(alice.consoleErrors).toEqual([]);
  });

  it('a note edited on both desktops shows up in the review list with the other version', async () => {
    await alice.archive.annotations.update(noteId, { note: 'incumbent president (Alice)' });
    await bob.archive.annotations.update(noteId, { note: 'incumbent, re-elected (Bob)' });
    await syncNow(alice);
    await syncNow(bob); // Bob's edit reaches the server later: it is current, Alice's is kept for review

    // In place on Bob's note: Alice's version waits for review, one click away.
    await bob.page.goto(`${bob.bridge.url}#/doc/${tagalog.id}`);
    const card = bob.page.locator('.note-card', { hasText: 'incumbent, re-elected (Bob)' });
    await card.waitFor({ timeout: 20_000 });
    expect(await card.locator(testId('edited-elsewhere')).innerText()).toMatch(/Edited elsewhere by alice/);
    await card.locator(testId('edited-elsewhere-review')).click();
    await bob.page.waitForURL(/#\/team$/, { timeout: 20_000 });
    const conflict = bob.page.locator(testId('team-conflict'));
    await conflict.first().waitFor({ timeout: 20_000 });
    expect(await conflict.first().innerText()).toMatch(/edited elsewhere by alice/i);
    expect(await conflict.first().locator(testId('team-conflict-other')).innerText()).toBe(
      'incumbent president (Alice)',
    );

    // Taking Alice's version makes it current for both after the next syncs.
    await conflict.first().locator(testId('team-take-other')).click();
    await expect.poll(() => bob.page.locator(testId('team-conflict')).count(), { timeout: 20_000 }).toBe(0);
    await syncNow(bob);
    await syncNow(alice);
    const onAlice = (await alice.archive.annotations.list(tagalog.id)).find((a) => a.id === noteId);
    expect(onAlice?.note).toBe('incumbent president (Alice)');
    expect(bob.consoleErrors).toEqual([]);
    expect(alice.consoleErrors).toEqual([]);
  });

  it('a passage corrected on both desktops says so in place, with the other text in the review list', async () => {
    const doc = await alice.archive.documents.get(tagalog.id);
    const passage = doc.passages.find((p) => p.text.includes('Vitaly Balasanyan'))!;
    await alice.archive.documents.editPassage(doc.id, passage.id, `${passage.text} (Alice)`);
    await bob.archive.documents.editPassage(doc.id, passage.id, `${passage.text} (Bob)`);
    await syncNow(alice);
    await syncNow(bob); // Bob's correction reaches the server later: it is current, Alice's waits for review

    await bob.page.goto(`${bob.bridge.url}#/doc/${tagalog.id}`);
    const block = bob.page.locator(`[data-block-id="${passage.id}"]`);
    await block.waitFor({ timeout: 20_000 });
    // Said by the archive too (documents.get), so every door shows it.
    const now = (await bob.archive.documents.get(doc.id)).passages.find((p) => p.id === passage.id)!;
    expect(now.editedElsewhere).toMatchObject({ by: 'alice' });
    const other = (await bob.archive.documents.get(doc.id)).passages.filter((p) => p.id !== passage.id);
    expect(other.filter((p) => p.editedElsewhere)).toEqual([]);
    await expect.poll(() => block.innerText(), { timeout: 20_000 }).toMatch(/\(Bob\)/);
    await expect
      .poll(() => block.locator(testId('edited-elsewhere')).innerText(), { timeout: 20_000 })
      .toMatch(/^Edited elsewhere by alice · .* · other version to review$/);
    // Only that passage: the others moved with the edit but say the same.
    expect(await bob.page.locator(`${testId('reader')} ${testId('edited-elsewhere')}`).count()).toBe(1);
    await block.locator(testId('edited-elsewhere-review')).click();
    await bob.page.waitForURL(/#\/team$/, { timeout: 20_000 });
    const item = bob.page.locator(testId('team-conflict'), { hasText: '(Alice)' });
    await item.first().waitFor({ timeout: 20_000 });
    expect(bob.consoleErrors).toEqual([]);
  });

  it('the same person written in two scripts on two desktops is offered in the review list and merged', async () => {
    const onAlice = await alice.archive.facts.create({
      subject: { name: 'Гагик Царукян', type: 'person' },
      predicate: 'party leader of',
      object: { kind: 'text', text: 'Prosperous Armenia' },
    });
    const onBob = await bob.archive.facts.create({
      subject: { name: 'Gagik Tsarukyan', type: 'person' },
      predicate: 'member of',
      object: { kind: 'text', text: 'National Assembly' },
    });
    await syncNow(alice);
    await syncNow(bob);

    await bob.page.goto(`${bob.bridge.url}#/team`);
    const offer = bob.page.locator(testId('team-conflict'), { hasText: 'Gagik Tsarukyan' });
    await offer.waitFor({ timeout: 20_000 });
    expect(await offer.innerText()).toMatch(/Гагик Царукян/);
    await offer.locator(testId('team-merge')).click();
    await expect.poll(() => offer.count(), { timeout: 20_000 }).toBe(0);
    await syncNow(bob);
    await syncNow(alice);
    const kept = [onAlice.subject.entityId!, onBob.subject.entityId!].sort()[0];
    for (const desktop of [alice, bob]) {
      const facts = await desktop.archive.facts.list({ entityId: kept });
      expect(facts.map((f) => f.id).sort()).toEqual([onAlice.id, onBob.id].sort());
      expect((await desktop.archive.team.conflicts()).filter((c) => c.kind === 'duplicate')).toEqual([]);
    }
    expect(bob.consoleErrors).toEqual([]);
    expect(alice.consoleErrors).toEqual([]);
  });

  it('a note edited while its document is deleted elsewhere is kept in the review list, with its text', async () => {
    const english = (await alice.archive.documents.list()).find((d) => d.lang === 'en')!;
    const doc = await alice.archive.documents.get(english.id);
    const note = await alice.archive.annotations.create({ docId: doc.id, start: 0, end: 8, note: 'first reading' });
    await syncNow(alice);
    await syncNow(bob);
    await bob.archive.documents.delete(doc.id);
    await alice.archive.annotations.update(note.id, { note: 'second reading, checked' });
    await syncNow(alice);
    await syncNow(bob); // the deleter's pull used to fail here for good (FOREIGN KEY constraint failed)
    expect(await bob.page.locator(testId('team-status')).innerText()).not.toMatch(/error|failed/i);

    await bob.page.goto(`${bob.bridge.url}#/team`);
    const lost = bob.page.locator(testId('team-conflict'), { hasText: 'could not be kept' });
    await lost.waitFor({ timeout: 20_000 });
    expect(await lost.innerText()).toMatch(/note edited by alice could not be kept/);
    expect(await lost.locator(testId('team-conflict-other')).first().innerText()).toBe('second reading, checked');
    expect(await lost.locator(testId('team-take-other')).count()).toBe(0);
    await lost.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => lost.count(), { timeout: 20_000 }).toBe(0);
    expect(bob.consoleErrors).toEqual([]);
  });
});
