// node --test bench/test: the pure parts of the harness (merge of results files, growth sentences).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { mergeResults, scenarioKey } from '../lib/merge.mjs';

const earlier = {
  startedAt: '2026-11-22T06:00:00.000Z',
  finishedAt: '2026-11-22T06:30:00.000Z',
  machine: { loadAverage: [3, 2, 1], postgres: 'PostgreSQL 17.5' },
  tiers: { S: { rows: { employee: 3000 } }, L: { rows: { employee: 80000 } } },
  scenarios: [
    { name: 'dashboard', tier: 'S', http: { median: 10 } },
    { name: 'dashboard', tier: 'L', http: { median: 20 } },
    { name: 'import-leave-1000', tier: 'L', http: { median: 200 } },
    { name: 'startup', firstMs: 40000 },
  ],
};

const now = {
  startedAt: '2026-11-22T08:00:00.000Z',
  finishedAt: '2026-11-22T08:40:00.000Z',
  machine: { loadAverage: [5, 4, 3] },
  tiers: {
    L: { rows: { employee: 81000 } },
    XL: { rows: { employee: 320000 } },
  },
  scenarios: [
    {
      name: 'dashboard',
      tier: 'L',
      http: { median: 18 },
      measuredAt: '2026-11-22T08:10:00.000Z',
    },
    {
      name: 'dashboard',
      tier: 'XL',
      http: { median: 40 },
      measuredAt: '2026-11-22T08:30:00.000Z',
    },
  ],
};

test('a scenario of the same name and tier is replaced in place, the others are kept', () => {
  const merged = mergeResults(earlier, now);
  assert.deepEqual(
    merged.scenarios.map((s) => [s.name, s.tier, s.http?.median ?? s.firstMs]),
    [
      ['dashboard', 'S', 10],
      ['dashboard', 'L', 18],
      ['import-leave-1000', 'L', 200],
      ['startup', undefined, 40000],
      ['dashboard', 'XL', 40],
    ],
  );
});

test('kept scenarios carry when they were measured: their own time, else their run’s start', () => {
  const merged = mergeResults(earlier, now);
  const at = Object.fromEntries(
    merged.scenarios.map((s) => [scenarioKey(s), s.measuredAt]),
  );
  assert.equal(
    at[scenarioKey({ name: 'dashboard', tier: 'S' })],
    '2026-11-22T06:00:00.000Z',
  );
  assert.equal(
    at[scenarioKey({ name: 'startup' })],
    '2026-11-22T06:00:00.000Z',
  );
  assert.equal(
    at[scenarioKey({ name: 'dashboard', tier: 'L' })],
    '2026-11-22T08:10:00.000Z',
  );
});

test('a scenario of this run without a time gets the run’s end', () => {
  const merged = mergeResults(earlier, {
    ...now,
    scenarios: [{ name: 'web-initial-js', gzipKb: 300 }],
  });
  assert.equal(merged.scenarios.at(-1).measuredAt, '2026-11-22T08:40:00.000Z');
});

test('tiers measured now replace their manifests, the others are kept; the run spans both', () => {
  const merged = mergeResults(earlier, now);
  assert.deepEqual(merged.tiers, {
    S: { rows: { employee: 3000 } },
    L: { rows: { employee: 81000 } },
    XL: { rows: { employee: 320000 } },
  });
  assert.equal(merged.startedAt, '2026-11-22T06:00:00.000Z');
  assert.equal(merged.finishedAt, '2026-11-22T08:40:00.000Z');
  assert.equal(merged.machine.postgres, 'PostgreSQL 17.5');
  assert.deepEqual(
    merged.runs.map((r) => r.startedAt),
    [earlier.startedAt, now.startedAt],
  );
});

test('merging twice keeps the history of runs and drops a run whose figures were all replaced', () => {
  const once = mergeResults(earlier, now);
  const again = mergeResults(once, {
    startedAt: '2026-11-22T09:00:00.000Z',
    finishedAt: '2026-11-22T09:10:00.000Z',
    machine: {},
    tiers: {},
    scenarios: [
      { name: 'dashboard', tier: 'L', measuredAt: '2026-11-22T09:05:00.000Z' },
      { name: 'dashboard', tier: 'XL', measuredAt: '2026-11-22T09:06:00.000Z' },
    ],
  });
  // the 08:00 run contributed only dashboard L and XL, both measured again at 09:0x
  assert.deepEqual(
    again.runs.map((r) => r.startedAt),
    [earlier.startedAt, '2026-11-22T09:00:00.000Z'],
  );
  assert.equal(again.scenarios.length, 5);
});

test('without a previous file the run is written as it is', () => {
  assert.equal(mergeResults(null, now), now);
});
