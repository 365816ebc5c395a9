// Search: queries, index status, rebuilding the index.
import { flag, intOption, json, markMatches } from '../cli/format';
import { NO_ARGUMENTS, operation, printed, type OperationTable } from '../api/operation';

type Channels = 'search.query' | 'search.status' | 'search.reindex';

const PROGRESS_MS = 1000;

export const searchOperations: OperationTable<Channels> = {
  'search.query': operation('search.query', {
    handle: (request, { archive }) => archive.search.query(request),
    bridge: true,
    cli: {
      name: 'search',
      args: '"<query>" [--limit N] [--offset N] [--no-stems] [--no-translit] [--no-names]',
      summary: 'passages matching a query (phrases, OR, -word, lang:/doc:/type:/date: filters)',
      options: {
        limit: { type: 'string' },
        offset: { type: 'string' },
        'no-stems': { type: 'boolean' },
        'no-translit': { type: 'boolean' },
        'no-names': { type: 'boolean' },
      },
      positionals: { min: 1, max: Infinity },
      request: (input) => ({
        query: input.positionals.join(' '),
        limit: intOption(input, 'limit', { min: 1, max: 500 }, 20),
        offset: intOption(input, 'offset', { min: 0, max: 100_000 }, 0),
        stems: !flag(input, 'no-stems'),
        translit: !flag(input, 'no-translit'),
        names: !flag(input, 'no-names'),
      }),
      print: (result, input, io) => {
        if (input.json) {
          const hits = result.hits.map(({ docId, title, passageId, lang, score, snippet, matches }) => {
            return { docId, title, passageId, lang, score, snippet, matches };
          });
          const { total, facets, expansions } = result;
          // pending: documents whose index rows are not (yet) up to date; results may miss or misplace them.
          const pending = result.pendingDocuments ?? 0;
          return io.out(json({ total, hits, facets, expansions, didYouMean: result.didYouMean ?? null, pending }));
        }
        const query = input.positionals.join(' ');
        io.out(`${result.total} passage${result.total === 1 ? '' : 's'} match “${query}”`);
        const pending = result.pendingDocuments ?? 0;
        if (pending > 0)
          io.out(
            `note: the index is catching up: ${pending} document${pending === 1 ? ' is' : 's are'} not indexed ` +
              'as they are now, so results may miss them (`tala reindex` finishes it now)',
          );
        if (result.didYouMean) io.out(`did you mean: ${result.didYouMean}`);
        const widened = (result.expansions ?? []).filter(
          (e) => e.kind !== 'translit' || e.to.some((t) => t !== e.term),
        );
        const shown = (to: string[], truncated?: boolean) =>
          to.length ? ` ${to.slice(0, 8).join(', ')}${to.length > 8 || truncated ? ', …' : ''}` : '';
        if (widened.length)
          io.out(`expanded: ${widened.map((e) => `${e.term} → ${e.kind}${shown(e.to, e.truncated)}`).join('; ')}`);
        for (const h of result.hits) {
          io.out(
            `\n${h.title} [${h.lang}] ¶${h.ordinal + 1}  (doc ${h.docId})\n` +
              `  ${markMatches(h.snippet, h.snippetMatches)}`,
          );
        }
      },
    },
  }),
  'search.status': operation('search.status', {
    handle: (_, { archive }) => archive.search.status(),
    bridge: true,
  }),
  'search.reindex': operation('search.reindex', {
    handle: (_, { archive }) => archive.search.reindex(),
    bridge: true,
    cli: {
      name: 'reindex',
      summary: 'rebuild the search index',
      ...NO_ARGUMENTS,
      print: (report, input, io) => {
        const seconds = (report.ms / 1000).toFixed(1);
        io.out(
          input.json
            ? json(report)
            : `reindexed ${report.documents} documents (${report.passages} passages) in ${seconds} s`,
        );
      },
      // Text: progress on stderr while it runs (every PROGRESS_MS); JSON: how much the index now covers.
      run: async (input, call, io) => {
        const reindex = call('search.reindex', undefined);
        let done = false;
        void reindex.finally(() => (done = true)).catch(() => undefined);
        while (!input.json && !done) {
          await Promise.race([
            reindex.catch(() => undefined),
            new Promise((resolve) => setTimeout(resolve, PROGRESS_MS)),
          ]);
          if (done) break;
          const { indexedPassages, totalPassages } = await call('search.status', undefined);
          io.err(`indexed ${indexedPassages} of ${totalPassages} passages`);
        }
        const report = await reindex;
        if (!input.json) return printed(searchOperations['search.reindex'], report, input, io);
        const { indexedPassages, totalPassages } = await call('search.status', undefined);
        io.out(json({ ...report, indexedPassages, totalPassages }));
        return 0;
      },
    },
  }),
};
