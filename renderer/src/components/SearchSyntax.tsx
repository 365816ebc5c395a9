// The query syntax cheat-sheet under the search box. Every example is a button that runs it.
import { Dialog } from './Dialog';
import './search.css';

export interface SyntaxRow {
  example: string;
  meaning: string;
}

export const SYNTAX: Array<{ heading: string; rows: SyntaxRow[] }> = [
  {
    heading: 'Words and phrases',
    rows: [
      {
        example: 'Sahakyan halalan',
        meaning: 'passages with any of the words, best first; word forms, case and accents included',
      },
      { example: '"Bako Sahakyan"', meaning: 'the exact phrase' },
      { example: '+halalan -Baku', meaning: 'must contain halalan, must not contain Baku' },
      { example: 'Sahakyan OR Саакян', meaning: 'either word' },
    ],
  },
  {
    heading: 'Names and spellings',
    rows: [
      { example: 'Balasanyan', meaning: 'also finds Баласанян, Բալասանյան (transliteration)' },
      { example: 'Saakyan~1', meaning: 'near spellings, one letter off (~2: two)' },
      { example: 'Balasan*', meaning: 'words starting with Balasan' },
      { example: 'halalan^2 pangulo', meaning: 'halalan counts twice as much' },
    ],
  },
  {
    heading: 'Fields',
    rows: [
      { example: 'title:halalan', meaning: 'in document titles (also text:)' },
      { example: 'note:нарушения', meaning: 'in your annotation notes' },
      { example: 'tag:выборы', meaning: 'in document and annotation tags' },
    ],
  },
  {
    heading: 'Filters',
    rows: [
      { example: 'Sahakyan lang:tl', meaning: 'only Tagalog documents (lang:ru,en: either)' },
      { example: 'выборы date:2012-01..2012-12', meaning: 'published in 2012 (date:2012, date:..2012-06)' },
      { example: 'Sahakyan type:html', meaning: 'only web pages (txt, md, html)' },
      { example: 'Sahakyan -lang:en', meaning: 'leave English out' },
    ],
  },
];

interface Props {
  onPick(example: string): void;
  onClose(): void;
}

export function SearchSyntax({ onPick, onClose }: Props) {
  return (
    <Dialog className="syntax" labelledBy="search-syntax-title" onClose={onClose} testId="search-syntax">
      <div className="syntax__head">
        <h2 id="search-syntax-title">Search syntax</h2>
        <span className="muted">Pick an example to run it</span>
        <button type="button" className="icon-button icon-button--small" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="syntax__columns">
        {SYNTAX.map((section) => (
          <section key={section.heading} className="syntax__section">
            <h3>{section.heading}</h3>
            <dl>
              {section.rows.map((row) => (
                <div key={row.example} className="syntax__row">
                  <dt>
                    <button
                      type="button"
                      className="syntax__example"
                      onClick={() => onPick(row.example)}
                      data-testid="syntax-example"
                    >
                      <code dir="auto">{row.example}</code>
                    </button>
                  </dt>
                  <dd>{row.meaning}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="syntax__foot muted">
        Words are matched in every language of the archive: Tagalog, Russian and English word forms, case and accents
        are folded. Switch word forms and transliteration off above the results.
      </p>
    </Dialog>
  );
}
