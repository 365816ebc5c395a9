// A `tala reindex` in a process of its own, for tests that SIGKILL it part-way: prints "PROGRESS done total"
// after every committed batch and "DONE" at the end.
import { Archive } from '../../main/archive/archive';

const file = process.argv[2];
const archive = await Archive.open(file, { search: 'inline' });
await archive.search.reindex((p) => void process.stdout.write(`PROGRESS ${p.done} ${p.total}\n`));
process.stdout.write('DONE\n');
await archive.close();
