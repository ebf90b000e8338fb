#!/usr/bin/env node
// Runs the large-import and web scenarios alone (bench/run.mjs runs them with the others):
//   node bench/import-run.mjs --tier S --only roster,leave,web-first-chart --runs 3
import { parseArgs } from 'node:util';

import { ensureBuilt, startApi } from './lib/server.mjs';
import * as scenarios from './scenarios.mjs';
import { leaveImport1m, rosterImport50k } from './import-scenarios.mjs';
import { webFirstChart } from './web-scenarios.mjs';

const { values } = parseArgs({
  options: {
    tier: { type: 'string', default: 'S' },
    only: { type: 'string', default: 'roster,leave,web-first-chart' },
    runs: { type: 'string', default: '3' },
  },
});
const only = values.only.split(',');
const tier = values.tier.toUpperCase();
const runs = Number(values.runs);
const log = (line) => console.log(`[bench] ${line}`);
await ensureBuilt(['api', 'web']);
const api = await startApi({ tier });
try {
  const ctx = await scenarios.context(api, tier);
  if (only.includes('roster'))
    log(JSON.stringify(await rosterImport50k(ctx, { runs, log })));
  if (only.includes('leave'))
    log(JSON.stringify(await leaveImport1m(ctx, { runs, log })));
  if (only.includes('web-first-chart'))
    log(
      JSON.stringify(
        await webFirstChart(ctx, { runs: Math.max(5, runs), log }),
      ),
    );
  await ctx.client.agent.destroy();
  await ctx.db.end();
} finally {
  await api.stop();
}
