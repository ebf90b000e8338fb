import assert from 'node:assert/strict';
import { test } from 'node:test';

import { growth, growthSentences } from '../lib/scaling.mjs';

const results = {
  tiers: {
    S: { rows: { employee: 1000 } },
    L: { rows: { employee: 10000 } },
    XL: { rows: { employee: 40000 } },
  },
  scenarios: [
    { name: 'dashboard', tier: 'S', http: { median: 10 } },
    { name: 'dashboard', tier: 'L', http: { median: 20 } },
    { name: 'dashboard', tier: 'XL', http: { median: 80 } },
    { name: 'subtree', tier: 'S', http: { median: 5 } },
    { name: 'committee-workbook', tier: 'S', seconds: 1 },
    { name: 'committee-workbook', tier: 'L', seconds: 10 },
  ],
};

test('ratios between consecutive tiers, per employee and as an exponent', () => {
  const [dashboard, workbook] = growth(results);
  assert.equal(dashboard.name, 'dashboard');
  // S → L: 2× the time for 10× the employees: 0.2× per employee, 10^k = 2 → k = log 2 = 0.30
  assert.deepEqual(
    dashboard.steps.map((s) => [
      s.from,
      s.to,
      s.timeRatio,
      s.sizeRatio,
      s.perEmployee,
      s.exponent,
    ]),
    [
      ['S', 'L', 2, 10, 0.2, 0.3],
      // L → XL: 4× the time for 4× the employees: linear
      ['L', 'XL', 4, 4, 1, 1],
    ],
  );
  // the workbook's figure is in seconds: 1 s → 10 s for 10× the employees
  assert.deepEqual(
    workbook.steps.map((s) => [s.fromMs, s.toMs, s.exponent]),
    [[1000, 10000, 1]],
  );
});

test('a scenario measured on one tier only gives no sentence', () => {
  assert.deepEqual(
    growth(results).map((g) => g.name),
    ['dashboard', 'committee-workbook'],
  );
});

test('the sentence names the tiers, the times and the ratios', () => {
  const [first] = growthSentences(results);
  assert.equal(
    first,
    "- **Dashboard**: S → L: 10 → 20 ms median, 2× the time for 10× the employees, so the cost per employee is 0.2× S's (time ∝ size^0.3); " +
      "L → XL: 20 → 80 ms median, 4× the time for 4× the employees, so the cost per employee is 1× L's (time ∝ size^1).",
  );
});
