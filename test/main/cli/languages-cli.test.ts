// Issue 11 end to end through the command line (the same dispatch as the app and the bridge): Russian and
// Armenian texts imported, a Latin name that finds both (the expansion listed in --json), a phrase across
// scripts, and facts extract/propose giving names in the nominative and normalised values.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { tempDir } from '../../helpers/temp';

async function tala(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) });
  return { code, out, err };
}

const RU =
  'Президентские выборы в Нагорном Карабахе прошли 19 июля 2012 года. По данным Центральной избирательной ' +
  'комиссии, около 47 тысяч избирателей проголосовали за Бако Саакяна. Виталий Баласанян получил 20 тысяч голосов.';
const HY =
  'Լեռնային Ղարաբաղում նախագահական ընտրությունները կայացել են 2012 թվականի հուլիսի 19-ին։ Կենտրոնական ընտրական ' +
  'հանձնաժողովի տվյալներով՝ Բակո Սահակյանը ստացել է մոտ 47 հազար ձայն։ Վիտալի Բալասանյանը ստացել է 20 հազար ձայն։';

describe('CLI on Russian and Armenian texts', () => {
  it('imports, searches names across scripts and proposes facts with normalised names and values', async () => {
    const dir = tempDir();
    const archive = join(dir, 'archive');
    writeFileSync(join(dir, 'nkr.ru.txt'), RU);
    writeFileSync(join(dir, 'nkr.hy.txt'), HY);
    const files = [join(dir, 'nkr.ru.txt'), join(dir, 'nkr.hy.txt')];
    const imported = await tala('--archive', archive, 'import', ...files, '--json');
    expect(imported.code).toBe(0);
    const docs = JSON.parse(imported.out).imported as Array<{ id: string; lang: string }>;
    expect(docs.map((d) => d.lang)).toEqual(['ru', 'hy']);
    const [ru, hy] = docs.map((d) => d.id);

    // A Latin name finds the Russian (Саакяна) and Armenian (Սահակյանը) texts, and says how.
    const search = JSON.parse((await tala('--archive', archive, 'search', 'Sahakyan', '--json')).out);
    expect(new Set(search.hits.map((h: { docId: string }) => h.docId))).toEqual(new Set([ru, hy]));
    expect(search.expansions).toContainEqual({
      kind: 'name',
      term: 'sahakyan',
      to: expect.arrayContaining(['саакяна', 'սահակյանը']),
    });
    for (const hit of search.hits as Array<{ snippet: string; matches: Array<[number, number]> }>)
      expect(hit.matches.length).toBe(1);
    // A phrase and a lang: filter cross scripts too.
    const phrase = JSON.parse((await tala('--archive', archive, 'search', '"Bako Sahakyan"', '--json')).out);
    expect(new Set(phrase.hits.map((h: { docId: string }) => h.docId))).toEqual(new Set([ru, hy]));
    const inRussian = JSON.parse((await tala('--archive', archive, 'search', 'lang:ru Sahakyan', '--json')).out);
    expect(inRussian.hits.map((h: { docId: string }) => h.docId)).toEqual([ru]);
    const off = JSON.parse(
      (await tala('--archive', archive, 'search', 'Sahakyan', '--no-names', '--no-translit', '--json')).out,
    );
    expect(off.total).toBe(0);

    // Mentions: names in the nominative without the Armenian article, numbers with their multiplier words.
    const mentions = async (id: string) =>
      JSON.parse((await tala('--archive', archive, 'facts', 'extract', id, '--json')).out).mentions as Array<{
        type: string;
        text: string;
        value: string | number;
      }>;
    const ruMentions = await mentions(ru);
    expect(ruMentions).toContainEqual(
      expect.objectContaining({ type: 'person', text: 'Бако Саакяна', value: 'Бако Саакян' }),
    );
    expect(ruMentions).toContainEqual(
      expect.objectContaining({ type: 'quantity', text: 'около 47 тысяч', value: 47000 }),
    );
    expect(ruMentions).toContainEqual(expect.objectContaining({ type: 'place', value: 'Nagorno-Karabakh' }));
    const hyMentions = await mentions(hy);
    expect(hyMentions).toContainEqual(expect.objectContaining({ type: 'person', value: 'Բակո Սահակյան' }));
    expect(hyMentions).toContainEqual(expect.objectContaining({ type: 'date', value: '2012-07-19' }));
    expect(hyMentions).toContainEqual(expect.objectContaining({ type: 'quantity', value: 47000 }));
    expect(hyMentions.filter((m) => m.type === 'person').map((m) => m.value)).not.toContain('Լեռնային Ղարաբաղում');

    // Proposals: the vote counts, approximate where the text says so; the same person in both scripts is one
    // entity (aliases meet by the cross-script name key).
    type Proposal = {
      subject: { entityId: string; name: string };
      predicate: string;
      object: { number?: number };
      valueQualifier: string;
    };
    const propose = async (id: string) =>
      JSON.parse((await tala('--archive', archive, 'facts', 'propose', id, '--json')).out).proposals as Proposal[];
    const votes = (list: Proposal[], surname: RegExp) =>
      list.find((p) => p.predicate === 'votes received' && surname.test(p.subject.name));
    const ruProposals = await propose(ru);
    const hyProposals = await propose(hy);
    const ruSahakyan = votes(ruProposals, /Саакян/);
    const hySahakyan = votes(hyProposals, /Саакян|Սահակյան/);
    expect(ruSahakyan).toMatchObject({ object: { number: 47000 }, valueQualifier: 'approx' });
    expect(hySahakyan).toMatchObject({ object: { number: 47000 }, valueQualifier: 'approx' });
    expect(hySahakyan!.subject.entityId).toBe(ruSahakyan!.subject.entityId);
    const ruBalasanyan = votes(ruProposals, /Баласанян/);
    const hyBalasanyan = votes(hyProposals, /Баласанян|Բալասանյան/);
    expect(ruBalasanyan).toMatchObject({ object: { number: 20000 }, valueQualifier: 'exact' });
    expect(hyBalasanyan!.subject.entityId).toBe(ruBalasanyan!.subject.entityId);
    expect(hyBalasanyan!.subject.entityId).not.toBe(ruSahakyan!.subject.entityId);
  });
});
