// Translations: links between documents, alignments and their corrections, carried annotations, typed
// translations (segments), pair exports and machine translation.
import type { AlignRequests } from '../../shared/align-contract';
import { AppError } from '../../shared/errors';
import { operation, type OperationTable } from '../api/operation';
import { checkEndpoint, isLoopbackEndpoint, MT_REMOTE_DECLINED, MT_REMOTE_REFUSED } from './mt';
import { flag, json } from '../cli/format';

type Channels = keyof AlignRequests;

const snippet = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').slice(0, 60);

export const translationOperations: OperationTable<Channels> = {
  'translations.list': operation('translations.list', {
    bridge: true,
    handle: ({ docId }, { archive }) => archive.translations.list(docId),
  }),
  'translations.link': operation('translations.link', {
    bridge: true,
    handle: ({ sourceId, translationId }, { archive }) => archive.translations.link(sourceId, translationId),
  }),
  'translations.unlink': operation('translations.unlink', {
    bridge: true,
    handle: async ({ id }, { archive }) => {
      await archive.translations.unlink(id);
      return { unlinked: true };
    },
  }),
  'translations.importAsTranslation': operation('translations.importAsTranslation', {
    bridge: true,
    handle: (request, { archive }) => {
      const { name, data, lang, translationOf } = request;
      return archive.translations.importAsTranslation({ name, bytes: data, lang }, translationOf);
    },
  }),
  'align.get': operation('align.get', {
    handle: ({ docId, otherDocId, recompute }, { archive }) =>
      archive.translations.getAlignment(docId, otherDocId, { recompute }),
    bridge: true,
    cli: {
      name: 'align',
      args: '<docA> <docB> [--recompute]',
      summary: 'align a document with its translation, paragraph by paragraph and sentence by sentence',
      options: { recompute: { type: 'boolean' } },
      positionals: { min: 2, max: 2 },
      request: ({ positionals: [docId, otherDocId], values }) => ({
        docId,
        otherDocId,
        recompute: values.recompute === true,
      }),
      print: (alignment, input, io) => {
        const { beads, lowConfidence, linkId, stats } = alignment;
        io.out(json({ beads, lowConfidence, linkId, stats }));
      },
      // The text form shows the first words of both sides of each bead.
      run: async (input, call, io) => {
        const [docId, otherDocId] = input.positionals;
        const alignment = await call('align.get', { docId, otherDocId, recompute: flag(input, 'recompute') });
        if (input.json) {
          const { beads, lowConfidence, linkId, stats } = alignment;
          io.out(json({ beads, lowConfidence, linkId, stats }));
          return 0;
        }
        const [doc, other] = await Promise.all([
          call('documents.get', { id: docId }),
          call('documents.get', { id: otherDocId }),
        ]);
        const beads = alignment.beads.length;
        io.out(`${doc.title} [${doc.lang}]  ⇄  ${other.title} [${other.lang}]  (${beads} beads, ${alignment.origin})`);
        for (const bead of alignment.beads) {
          const mark = bead.confidence < alignment.lowConfidence ? '?' : bead.fixed ? '*' : ' ';
          const ordinals = (side: number[]) => side.map((p) => p + 1).join(',') || '–';
          io.out(`${mark} ${bead.confidence.toFixed(2)}  ¶${ordinals(bead.source)} ⇄ ¶${ordinals(bead.target)}`);
          io.out(`      ${snippet(doc.passages[bead.source[0]]?.text)}`);
          io.out(`      ${snippet(other.passages[bead.target[0]]?.text)}`);
        }
        return 0;
      },
    },
  }),
  'align.correct': operation('align.correct', {
    bridge: true,
    handle: ({ docId, otherDocId, ...correction }, { archive }) =>
      archive.translations.correct(docId, otherDocId, correction),
  }),
  'align.counterpart': operation('align.counterpart', {
    bridge: true,
    handle: ({ docId, passageId, otherDocId }, { archive }) =>
      archive.translations.counterpart(docId, passageId, otherDocId),
  }),
  // On the command line: `tala export <docId> --format tmx|pairs-csv --translation <docId>`
  // (annotations/operations.ts).
  'align.export': operation('align.export', {
    bridge: true,
    handle: ({ docId, otherDocId, format, level }, { archive }) =>
      archive.translations.exportPairs(docId, otherDocId, format, level),
  }),
  'annotations.carried': operation('annotations.carried', {
    bridge: true,
    handle: ({ docId, translationDocId }, { archive }) => archive.translations.carried(docId, translationDocId),
  }),
  'segments.start': operation('segments.start', {
    bridge: true,
    handle: ({ docId, lang, title, unit }, { archive }) =>
      archive.translations.startTyped(docId, lang, { title, unit }),
  }),
  'segments.list': operation('segments.list', {
    bridge: true,
    handle: ({ linkId }, { archive }) => archive.translations.segmentSheet(linkId),
  }),
  'segments.save': operation('segments.save', {
    bridge: true,
    handle: ({ id, text, status }, { archive }) => archive.translations.saveSegment(id, { text, status }),
  }),
  'mt.settings.get': operation('mt.settings.get', {
    bridge: true,
    handle: (_, { archive }) => archive.translations.mtSettings(),
  }),
  'mt.settings.set': operation('mt.settings.set', {
    bridge: true,
    handle: async (changes, { archive, door, confirm }) => {
      // A page (the bridge's, or a compromised desktop renderer) cannot send passages to a server of its choosing
      // elsewhere: a new endpoint off this computer is confirmed by the person in the desktop app's own dialog, or
      // set on the command line (issue 16).
      if (door.name !== 'cli' && changes.endpoint?.trim()) {
        const next = checkEndpoint(changes.endpoint);
        const current = (await archive.translations.mtSettings()).endpoint;
        if (next !== current && !isLoopbackEndpoint(next)) {
          if (!confirm) throw new AppError('FORBIDDEN', MT_REMOTE_REFUSED);
          if (!(await confirm.mtEndpoint(next))) throw new AppError('FORBIDDEN', MT_REMOTE_DECLINED);
        }
      }
      return archive.translations.setMtSettings(changes);
    },
  }),
  'mt.translate': operation('mt.translate', {
    bridge: true,
    handle: (request, { archive }) => archive.translations.translate(request),
  }),
};
