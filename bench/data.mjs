#!/usr/bin/env node
// `npm run bench:data -- --tier L`: builds a scale tier (S, L or XL) into the benchmark database:
// the embedded PostgreSQL in tmp/bench/<tier>, or the server DATABASE_URL names. Deterministic:
// the same tier always gives the same people and records.
import { writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { loadTs, root } from './lib/bundle.mjs';
import { dataDirOf, ensureBuilt, startApi } from './lib/server.mjs';

const { values } = parseArgs({
  options: { tier: { type: 'string', default: 'S' } },
});
const tier = values.tier.toUpperCase();
if (!['S', 'L', 'XL'].includes(tier)) {
  console.error('Usage: npm run bench:data -- --tier S|L|XL');
  process.exit(2);
}

await ensureBuilt(['api']);
const started = Date.now();
const api = await startApi({ tier });
console.log(
  `API and database ready in ${(api.startupMs / 1000).toFixed(1)} s (${api.databaseUrl.replace(/:[^:@/]+@/, ':***@')})`,
);
try {
  const { loadTier } = await loadTs('load-tier');
  const result = await loadTier(api.databaseUrl, tier, (line) =>
    console.log(line),
  );
  const manifest = {
    tier,
    builtAt: new Date().toISOString(),
    seconds: (Date.now() - started) / 1000,
    organizationId: result.organizationId,
    rows: result.counts,
    phases: result.phases,
    loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10),
  };
  mkdirSync(dataDirOf(tier), { recursive: true });
  writeFileSync(
    join(dataDirOf(tier), 'manifest.json'),
    JSON.stringify(manifest, null, 2),
  );
  console.log(JSON.stringify(manifest, null, 2));
} finally {
  await api.stop();
}
void root;
