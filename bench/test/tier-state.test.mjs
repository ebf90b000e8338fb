import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  baseRowDifferences,
  digestDifferences,
  leaveRefreshOptions,
} from '../lib/tier-state.mjs';

test('undoing leave rows refreshes their employees and the calendar years of the annual rows, as the import did', () => {
  const options = leaveRefreshOptions([
    { employeeId: 'a', type: 'annual', startDate: '2025-07-19', childId: null },
    { employeeId: 'b', type: 'annual', startDate: '2025-12-27', childId: null },
    { employeeId: 'a', type: 'annual', startDate: '2026-01-03', childId: null },
    { employeeId: 'c', type: 'sick', startDate: '2024-05-01', childId: null },
  ]);
  assert.deepEqual(options, {
    employeeIds: ['a', 'b', 'c'],
    families: ['al'],
    years: [2025, 2026],
    childcare: false,
  });
});

test('a row linked to a child also refreshes the childcare facts; dates may come as Date objects', () => {
  const options = leaveRefreshOptions([
    {
      employeeId: 'a',
      type: 'childcare',
      startDate: new Date('2025-04-01T00:00:00Z'),
      childId: 'child-1',
    },
  ]);
  assert.deepEqual(options, {
    employeeIds: ['a'],
    families: ['al'],
    years: [],
    childcare: true,
  });
});

test('the tables whose digests changed are named; equal digests name none', () => {
  const before = {
    rollup: '3:10',
    fact: '5:7',
    childcare: '0:0',
    leave: '9:1',
  };
  assert.deepEqual(digestDifferences(before, { ...before }), []);
  assert.deepEqual(
    digestDifferences(before, { ...before, fact: '5:8', leave: '10:4' }),
    ['fact', 'leave'],
  );
});

test('a base table whose count differs from the manifest is named with both counts; tables the manifest lacks are not compared', async () => {
  const counts = {
    employee: 4035,
    assignment: 13277,
    child: 617,
    leave_episode: 0,
    overtime_month: 211434,
    annual_pay: 18128,
  };
  const seen = [];
  const db = {
    async query(sql, params) {
      seen.push({ sql, params });
      return {
        rows: Object.entries(counts).map(([table, n]) => ({ table, n })),
      };
    },
  };
  const manifest = {
    employee: 4035,
    assignment: 13277,
    leave_episode: 221661,
    overtime_month: 211434,
    annual_pay: 18128,
    kpi_fact: 1,
  };
  assert.deepEqual(await baseRowDifferences(db, 'org-1', manifest), [
    'leave_episode: 0 rows, built with 221661',
  ]);
  assert.deepEqual(seen[0].params, ['org-1']);
  counts.leave_episode = 221661;
  assert.deepEqual(await baseRowDifferences(db, 'org-1', manifest), []);
});
