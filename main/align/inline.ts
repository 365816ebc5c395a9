// Alignments on the calling thread (tests, the CLI). A module of its own: the archive's services reach the
// aligner through `Aligner` and never load it themselves, so a command that does not align does not load it.
import { align } from './aligner';
import type { Aligner } from './worker-host';

export const inlineAligner: Aligner = {
  align: async (source, target, options) => align(source, target, options),
};
