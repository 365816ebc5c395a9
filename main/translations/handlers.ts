// The translation channels of the contract, mapped onto the archive's TranslationService (main/api/handlers.ts
// spreads them into the API). Validation already happened in dispatch().
import type { AlignRequests, AlignResponses } from '../../shared/align-contract';
import type { Archive } from '../archive/archive';

type AlignApi = { [C in keyof AlignRequests]: (request: AlignRequests[C]) => Promise<AlignResponses[C]> };

export function translationHandlers(archive: Archive): AlignApi {
  const t = archive.translations;
  return {
    'translations.list': ({ docId }) => t.list(docId),
    'translations.link': ({ sourceId, translationId }) => t.link(sourceId, translationId),
    'translations.unlink': async ({ id }) => {
      await t.unlink(id);
      return { unlinked: true };
    },
    'translations.importAsTranslation': ({ name, data, lang, translationOf }) => t.importAsTranslation({ name, bytes: data, lang }, translationOf),
    'align.get': ({ docId, otherDocId, recompute }) => t.getAlignment(docId, otherDocId, { recompute }),
    'align.correct': ({ docId, otherDocId, ...correction }) => t.correct(docId, otherDocId, correction),
    'align.counterpart': ({ docId, passageId, otherDocId }) => t.counterpart(docId, passageId, otherDocId),
    'align.export': ({ docId, otherDocId, format, level }) => t.exportPairs(docId, otherDocId, format, level),
    'annotations.carried': ({ docId, translationDocId }) => t.carried(docId, translationDocId),
    'segments.start': ({ docId, lang, title, unit }) => t.startTyped(docId, lang, { title, unit }),
    'segments.list': ({ linkId }) => t.segmentSheet(linkId),
    'segments.save': ({ id, text, status }) => t.saveSegment(id, { text, status }),
    'mt.settings.get': () => t.mtSettings(),
    'mt.settings.set': (changes) => t.setMtSettings(changes),
    'mt.translate': (request) => t.translate(request),
  };
}
