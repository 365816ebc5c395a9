// Hybrid logical clock: wall-clock milliseconds, a counter for events in the same millisecond (or while
// the wall clock lags a time already seen), and the desktop's id. The string form sorts in clock order.
export interface Hlc {
  ms: number;
  counter: number;
  node: string;
}

// Fixed-width decimal fields, so that SQLite's printf('%015d-%09d-%s') writes the same form in bulk.
export function formatHlc(h: Hlc): string {
  return `${h.ms.toString().padStart(15, '0')}-${h.counter.toString().padStart(9, '0')}-${h.node}`;
}

export function parseHlc(text: string): Hlc {
  const m = /^(\d{15})-(\d{9})-(.+)$/.exec(text);
  if (!m) throw new Error(`not a clock value: ${text.slice(0, 60)}`);
  return { ms: Number(m[1]), counter: Number(m[2]), node: m[3] };
}

/** The next local clock value after `last` (the latest value this desktop has issued or seen). */
export function tick(last: Hlc | null, node: string, now = Date.now()): Hlc {
  if (!last || now > last.ms) return { ms: now, counter: 0, node };
  return { ms: last.ms, counter: last.counter + 1, node };
}

/** Merges a remote clock value into the local one, so later local events sort after what was seen. */
export function observe(last: Hlc | null, remote: Hlc, node: string, now = Date.now()): Hlc {
  const ms = Math.max(now, last?.ms ?? 0, remote.ms);
  let counter = 0;
  if (ms === last?.ms && ms === remote.ms) counter = Math.max(last.counter, remote.counter) + 1;
  else if (ms === last?.ms) counter = last.counter + 1;
  else if (ms === remote.ms) counter = remote.counter + 1;
  return { ms, counter, node };
}
