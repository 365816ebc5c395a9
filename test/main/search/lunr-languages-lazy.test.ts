// The lunr-languages support code loads with the first lunr-languages plugin, not with the search's language layer:
// `tala import` of an English, Tagalog or Armenian file (or one of a language without a pipeline) never needs it.
// This file runs in a process of its own (vitest's forks pool), so the require cache is this file's alone.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { pipelineFor } from '../../../main/search/languages';

const requireCjs = createRequire(import.meta.url);
const supportFile = requireCjs.resolve('lunr-languages/lunr.stemmer.support.js');
const loaded = (file: string) => file in requireCjs.cache;

describe('lunr-languages support loaded on first use', () => {
  it('is not loaded for English, Tagalog, Armenian and the plain pipeline, and is for a plugin language', () => {
    expect(pipelineFor('en').stem('running')).toBe('run');
    expect(pipelineFor('tl').stem('kumain')).toBe(pipelineFor('tl').stem('kumain'));
    expect(pipelineFor('hy').stem('գրքերը')).toBeTruthy();
    expect(pipelineFor('xx').stem('words')).toBe('words');
    expect(pipelineFor('ru').isStopWord('и')).toBe(true); // stop words come from stop-words.json
    expect(loaded(supportFile)).toBe(false);

    expect(pipelineFor('ru').stem('книгами')).toBe('книг');
    expect(loaded(supportFile)).toBe(true);
    expect(pipelineFor('de').stem('häuser')).toBe(pipelineFor('de').stem('häuser'));
  });
});
