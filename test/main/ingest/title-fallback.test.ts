// Issue 11: a document without a declared title takes its first heading or title-like first line, in any
// language, before its file name; a text that starts with prose keeps the file name.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../main/ingest/index';

const utf8 = (s: string) => new TextEncoder().encode(s);
const parse = (name: string, text: string) => parseDocument({ name, bytes: utf8(text) });

const TL_BODY = [
  'Noong Pebrero 18, 2013, ginanap ang halalan sa pagkapangulo ng Armenia at humigit-kumulang',
  '1.5 milyong botante ang bumoto; 861 libo sa kanila ang pumili kay Serzh Sargsyan, ayon sa',
  'Komisyong Sentral sa Halalan ng bansa.',
].join('\n');
const RU_BODY = [
  'Очередные президентские выборы в Нагорном Карабахе прошли 19 июля 2012 года; около 47 тысяч',
  'избирателей отдали свои голоса за действующего президента Бако Саакяна, сообщила комиссия.',
].join('\n');
const HY_BODY = [
  'Լեռնային Ղարաբաղում 2012 թվականի հուլիսի 19-ին կայացած նախագահական ընտրություններում Բակո',
  'Սահակյանը ստացել է ձայների մոտ 47 հազարը, հայտնել է Կենտրոնական ընտրական հանձնաժողովը։',
].join('\n');
const EN_BODY = [
  'The Central Election Commission said on Tuesday that turnout in the capital reached about sixty',
  'per cent, higher than at the last vote, and that the count would end by the morning.',
].join('\n');

describe('title fallback', () => {
  it.each([
    ['tl', 'armenia-2013.tl.txt', 'Halalan sa Armenia, 2013', TL_BODY],
    ['ru', 'nkr-2012.ru.txt', 'Выборы в Нагорном Карабахе', RU_BODY],
    ['hy', 'nkr-2012.hy.txt', 'Ընտրություններ Ղարաբաղում', HY_BODY],
    ['en', 'turnout.txt', 'Turnout up in the capital', EN_BODY],
  ])('%s: a title line straight above the text is the title', async (lang, name, title, body) => {
    const doc = await parse(name, `${title}\n${body}\n\nSecond paragraph of the article.\n`);
    expect(doc.lang).toBe(lang);
    expect(doc.title).toBe(title);
    expect(doc.passages[0]).toMatchObject({ kind: 'heading', text: title });
    expect(doc.passages[1].kind).toBe('paragraph');
    expect(doc.passages[1].text.startsWith(body.split('\n')[0])).toBe(true);
  });

  it('takes an underlined title line without its underline', async () => {
    const doc = await parse('x.txt', `Выборы в Нагорном Карабахе\n==========================\n${RU_BODY}\n`);
    expect(doc.title).toBe('Выборы в Нагорном Карабахе');
    // Without blank lines each line is a paragraph; the underline is gone.
    expect(doc.passages.map((p) => p.kind)).toEqual(['heading', 'paragraph', 'paragraph']);
    expect(doc.passages.some((p) => p.text.includes('==='))).toBe(false);
  });

  it('takes a title line set apart by a blank line, and one per line in files without blank lines', async () => {
    expect((await parse('a.hy.txt', `Ընտրություններ Ղարաբաղում\n\n${HY_BODY}\n`)).title).toBe(
      'Ընտրություններ Ղարաբաղում',
    );
    const lines = `Halalan sa Armenia, 2013\n${TL_BODY.replace(/\n/g, ' ')}\nIkalawang talata ng ulat.\n`;
    expect((await parse('b.tl.txt', lines)).title).toBe('Halalan sa Armenia, 2013');
  });

  it('keeps the file name when the text starts with prose', async () => {
    // A hard-wrapped first paragraph: its first line is not shorter than the next ones.
    expect((await parse('nkr-2012-halalan.tl.txt', `${TL_BODY}\n\nIkalawang talata.\n`)).title).toBe(
      'nkr 2012 halalan',
    );
    // A first sentence, even short, ends with punctuation.
    expect((await parse('ulat.en.txt', `It was calm.\n${EN_BODY}\n`)).title).toBe('ulat');
  });
});
