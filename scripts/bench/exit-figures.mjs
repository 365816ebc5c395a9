// Loaded with `node --import` into a benchmark's child process (plain JavaScript, nothing compiled): when the
// process exits, writes its CPU time (all threads) and peak RSS as JSON to $TALA_BENCH_EXIT_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.TALA_BENCH_EXIT_FILE;
if (file) {
  process.on('exit', () => {
    const cpu = process.cpuUsage();
    const figures = { cpuMs: (cpu.user + cpu.system) / 1000, rssMb: process.resourceUsage().maxRSS / 1024 };
    writeFileSync(file, JSON.stringify(figures));
  });
}
