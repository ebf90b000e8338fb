// Runs the naive baseline (bench/src/naive.ts) in its own process, with a heap large enough for a
// whole tier's rows as TypeORM objects: argv = database URL, organization id, years (comma list).
// Prints {loadMs, computeMs, values, peakRssMb} as JSON on the last line.
import { loadTs } from './bundle.mjs';

const [url, organizationId, years] = process.argv.slice(2);
const { naiveDashboard } = await loadTs('naive');
const result = await naiveDashboard(
  url,
  organizationId,
  years.split(',').map(Number),
);
const { readFileSync } = await import('node:fs');
const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
console.log(
  JSON.stringify({
    ...result,
    peakRssMb: hwm ? Math.round(Number(hwm[1]) / 1024) : null,
  }),
);
