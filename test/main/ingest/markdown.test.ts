import { describe, expect, it } from 'vitest';
import { parse } from './helpers';

const ARTICLE = `---
title: "Halalan sa NKR"
author: Juan dela Cruz
date: 2012-07-20T08:00:00Z
source: https://example.org/halalan?id=7
lang: tl
tags: [politika]
---

# Ang halalan ng 2012

Noong **Hulyo 19, 2012**, ginanap ang _regular na halalan_ sa [NKR](https://example.org/nkr "Nagorno-Karabakh").
Tatlong kandidato ang lumahok.

## Mga kandidato

- Bako Sahakyan, ang *nanunungkulan*
- Vitaly Balasanyan
  na dating Deputy Defense Minister
1. Arkady Soghomonyan

> Kinilala ng mga karibal
> ang mga resulta.

Mga resulta
-----------

Tingnan ang \`results_2012.csv\` at ![tsart](chart.png) ang <https://example.org/data>.
Sumulat sa <b>komisyon</b>: <a href="javascript:alert(1)" onclick="steal()">dito</a>.
Ang snake_case_name ay hindi diin; ang \\*bituin\\* ay literal; ~~mali~~ tama &amp; tiyak.

\`\`\`
const  x = "**hindi** binabago";
\`\`\`

<script>
alert('hindi ito teksto');
</script>

<!-- isang komento
na maraming linya -->

***

Wakas.
`;

describe('markdown (.md, .markdown)', () => {
  it('reads front matter into metadata', async () => {
    const doc = await parse('halalan.md', ARTICLE);
    expect(doc.title).toBe('Halalan sa NKR');
    expect(doc.author).toBe('Juan dela Cruz');
    expect(doc.publishedAt).toBe('2012-07-20');
    expect(doc.source).toBe('https://example.org/halalan?id=7');
    expect(doc.lang).toBe('tl');
    expect(doc.mediaType).toBe('text/markdown');
  });

  it('turns headings, paragraphs, list items, quotes and code into passages', async () => {
    const doc = await parse('halalan.md', ARTICLE);
    expect(doc.passages.map((p) => [p.kind, p.text])).toEqual([
      ['heading', 'Ang halalan ng 2012'],
      ['paragraph', 'Noong Hulyo 19, 2012, ginanap ang regular na halalan sa NKR. Tatlong kandidato ang lumahok.'],
      ['heading', 'Mga kandidato'],
      ['paragraph', 'Bako Sahakyan, ang nanunungkulan'],
      ['paragraph', 'Vitaly Balasanyan na dating Deputy Defense Minister'],
      ['paragraph', 'Arkady Soghomonyan'],
      ['paragraph', 'Kinilala ng mga karibal ang mga resulta.'],
      ['heading', 'Mga resulta'],
      [
        'paragraph',
        'Tingnan ang results_2012.csv at ang https://example.org/data. Sumulat sa komisyon: dito. ' +
          'Ang snake_case_name ay hindi diin; ang *bituin* ay literal; mali tama & tiyak.',
      ],
      ['paragraph', 'const x = "**hindi** binabago";'],
      ['paragraph', 'Wakas.'],
    ]);
    const all = doc.passages.map((p) => p.text).join('\n');
    expect(all).not.toMatch(/javascript:|onclick|alert|<script|chart\.png|example\.org\/nkr/);
    expect(all).not.toContain('komento');
  });

  it('uses the first heading as title without front matter, and supports setext headings', async () => {
    const doc = await parse('notes.markdown', 'Intro text before.\n\nPamagat ng Akda\n===============\n\nNilalaman.\n');
    expect(doc.title).toBe('Pamagat ng Akda');
    expect(doc.passages.map((p) => p.kind)).toEqual(['paragraph', 'heading', 'paragraph']);
  });

  it('falls back to the plain-text title rules', async () => {
    const heading = await parse('x.md', 'A plain first line\n\nThen a paragraph of text.');
    expect(heading.title).toBe('A plain first line');
    expect(heading.passages[0].kind).toBe('heading');
    const fromName = await parse('my_notes.en.md', '* only a list item\n* and another one');
    expect(fromName.title).toBe('my notes');
    expect(fromName.passages.every((p) => p.kind === 'paragraph')).toBe(true);
  });

  it('does not mistake a thematic break for front matter or a heading', async () => {
    const doc = await parse('t.md', 'First paragraph.\n\n---\n\nSecond paragraph.');
    expect(doc.passages.map((p) => [p.kind, p.text])).toEqual([
      ['paragraph', 'First paragraph.'],
      ['paragraph', 'Second paragraph.'],
    ]);
  });
});

describe('markdown front matter edge cases', () => {
  it('keeps prose that sits between two rules at the top of the file', async () => {
    const doc = await parse('rules.md', '---\nAn introduction, not metadata.\n---\n\nBody text.');
    expect(doc.passages.map((p) => p.text)).toContain('An introduction, not metadata.');
  });

  it('ignores unsafe or unparseable front matter values', async () => {
    const doc = await parse(
      'bad.md',
      "---\ntitle: 'Pamagat'\nauthor:\n  - Maria Clara\nsource: javascript:alert(1)\ndate:" +
        ' someday\n---\nTeksto ng akda.',
    );
    expect(doc.title).toBe('Pamagat');
    expect(doc.author).toBe('Maria Clara');
    expect(doc.source).toBeNull();
    expect(doc.publishedAt).toBeNull();
  });
});
