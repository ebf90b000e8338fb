#!/usr/bin/env node
// `node bench/tier-extras.mjs --tier L`: adds the Ikuboss campaigns and declarations and the 10
// released 360 cycles (bench/src/tier-extras.ts) to a tier that was built without them, in one
// transaction, through the tier's own API start-up (which migrates the copy to this branch's
// schema). A tier that already has campaigns or 360 cycles is left as it is. `npm run bench:data`
// adds the same extras to every tier it builds (bench/src/load-tier.ts).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import pg from 'pg';

import { loadTs } from './lib/bundle.mjs';
import { dataDirOf, ensureBuilt, startApi } from './lib/server.mjs';

const { values } = parseArgs({
  options: { tier: { type: 'string', default: 'L' } },
});
const tier = values.tier.toUpperCase();
const manifestFile = join(dataDirOf(tier), 'manifest.json');
if (!existsSync(manifestFile)) {
  console.error(
    `tier ${tier} is not built (no ${manifestFile}): npm run bench:data -- --tier ${tier}`,
  );
  process.exit(2);
}

await ensureBuilt(['api']);
const { addTierExtras, hasTierExtras, tierYears } = await loadTs('tier-extras');
const api = await startApi({ tier });
console.log(`API and database ready in ${(api.startupMs / 1000).toFixed(1)} s`);
const client = new pg.Client({ connectionString: api.databaseUrl });
try {
  await client.connect();
  const db = {
    query: async (sql, parameters) =>
      (await client.query(sql, parameters)).rows,
  };
  const [org] = await db.query(
    `SELECT id FROM organization WHERE code = 'bench'`,
  );
  if (!org) throw new Error(`tier ${tier} has no organization 'bench'`);
  if (await hasTierExtras(db, org.id)) {
    console.log(
      `tier ${tier} already has Ikuboss campaigns or 360 cycles: nothing to do`,
    );
  } else {
    const started = Date.now();
    await db.query('BEGIN');
    try {
      await db.query(`SET LOCAL synchronous_commit = off`);
      const counts = await addTierExtras(db, org.id, tierYears(tier), (line) =>
        console.log(line),
      );
      await db.query('COMMIT');
      const seconds = (Date.now() - started) / 1000;
      await db.query(
        `ANALYZE ikuboss_campaign, ikuboss_campaign_stage, ikuboss_declaration, ikuboss_declarer,
                 review360_cycle, review360_item, review360_assignment, review360_participation,
                 review360_response, review360_comment`,
      );
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
      manifest.extras = {
        addedAt: new Date().toISOString(),
        seconds,
        rows: counts,
        loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10),
      };
      writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
      console.log(JSON.stringify(manifest.extras, null, 2));
    } catch (error) {
      await db.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
} finally {
  await client.end().catch(() => undefined);
  await api.stop();
}
