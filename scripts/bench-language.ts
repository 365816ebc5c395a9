// `npm run bench:language [-- --verbose]`: language quality on texts the rules were not written from.
//   1. facts: mentions and proposals per language and type (scripts/bench/language-facts.ts), on the tuning
//      passages and on held-out ones;
//   2. cross-script name pairs (scripts/bench/language-names.ts, `runNamePairBench()`);
//   3. the search table, query → expected documents (scripts/bench/language-search.ts, `runSearchTableBench()`);
//   4. language detection on short texts (scripts/bench/language-detect.ts, `runDetectBench()`).
// 2 to 4 are loaded only when their modules exist, so each part can land on its own.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runFactsBench } from './bench/language-facts';

const here = dirname(fileURLToPath(import.meta.url));

async function runOptional(file: string, exported: string, printer: string, title: string): Promise<void> {
  console.log(`\n== ${title}`);
  const path = join(here, 'bench', file);
  if (!existsSync(path)) {
    console.log(`${file}: not yet available`);
    return;
  }
  const module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  const run = module[exported];
  if (typeof run !== 'function') {
    console.log(`${file} has no ${exported}(): not yet available`);
    return;
  }
  const result = await (run as () => unknown)();
  const print = module[printer];
  if (typeof print === 'function') (print as (r: unknown) => void)(result);
}

const verbose = process.argv.includes('--verbose');
console.log('== Facts: mentions and proposals (passages the rules were tuned on)');
runFactsBench({ verbose });
console.log('\n== Facts: held-out passages (written after the tuning, never tuned on)');
runFactsBench({ verbose, set: 'heldout' });
console.log('\n== Facts: second held-out set (other subjects; written before the rule changes it then informed)');
runFactsBench({ verbose, set: 'heldout2' });
console.log('\n== Facts: third held-out set (written after those rule changes, never tuned on)');
runFactsBench({ verbose, set: 'heldout3' });
console.log('\n== Facts: fourth held-out set (written after the entity-typing rules, committed before its first run)');
runFactsBench({ verbose, set: 'heldout4' });
console.log(
  '\n== Facts: fifth held-out set (written after the rules heldout4 informed, committed before its first run)',
);
runFactsBench({ verbose, set: 'heldout5' });
console.log(
  '\n== Facts: sixth held-out set (written after the Armenian morphology rules, committed before its first run)',
);
runFactsBench({ verbose, set: 'heldout6' });
await runOptional('language-names.ts', 'runNamePairBench', 'printNamePairBench', 'Cross-script name pairs');
await runOptional('language-search.ts', 'runSearchTableBench', 'printSearchTableBench', 'Search table');
await runOptional('language-detect.ts', 'runDetectBench', 'printDetectBench', 'Language detection on short texts');
