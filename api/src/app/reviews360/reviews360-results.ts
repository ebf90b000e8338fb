import type {
  Review360CellDto,
  Review360ResponseRateDto,
  Review360Thresholds,
  Review360UnitRollupDto,
} from '@ikuboard/shared/contracts';
import {
  review360ResponseMean,
  suppressReview360Rollups,
  type Review360RollupNode,
  type Review360Scores,
} from '@ikuboard/shared/kpi';

import type { Queryable } from '../../database/queryable';

/** The unit each employee was in on the cycle's reference date. */
export const UNIT_ON_REFERENCE = `
  LEFT JOIN LATERAL (
    SELECT a.org_unit_id FROM assignment a
     WHERE a.organization_id = e.organization_id AND a.employee_id = e.id
       AND a.valid_from <= c.reference_date AND (a.valid_to IS NULL OR a.valid_to > c.reference_date)
     ORDER BY a.valid_from DESC LIMIT 1) ua ON true`;

export interface Review360Ratee {
  id: string;
  employeeNumber: string;
  name: string;
  unitId: string | null;
}

export interface Review360OrgRollup {
  ratees: Review360Ratee[];
  units: { id: string; code: string; name: string; parentId: string | null }[];
  /** Subordinate figure of each person rated as HR may see it (with complementary suppression). */
  managerCells: Map<string, Review360CellDto>;
  unitCells: Map<string, Review360CellDto>;
  organizationCell: Review360CellDto;
}

/** The whole organization is the root of every roll-up tree, so its total is checked too. */
const ORG = 'organization';

/**
 * Inputs of a cycle's figures that can no longer change once it is released: its assignments,
 * participation and answers are written only while it is a draft or launched (an employee is never
 * deleted). Thresholds, the unit tree and who was in which unit on the reference date are NOT in
 * here: they may still change and are read on every call, and the suppression pass always runs
 * afresh with the cycle's current thresholds.
 */
interface ReleasedScores {
  rateeIds: string[];
  /** Sum and count of the subordinate answers' means per person rated. */
  perRatee: Map<string, { sum: number; count: number }>;
}
interface ReleasedCounts {
  /** Assignments (other than self) and submissions per rater. */
  perRater: { raterId: string; assigned: number; submitted: number }[];
}

/** A few released cycles per process; the oldest entry goes first. */
const RELEASED_CACHE_SIZE = 32;
const releasedScores = new Map<string, ReleasedScores>();
const releasedCounts = new Map<string, ReleasedCounts>();

/** For tests and the benchmark: forget every cached released-cycle input. */
export function clearReview360ReleasedCache(): void {
  releasedScores.clear();
  releasedCounts.clear();
}

async function cycleState(
  db: Queryable,
  organizationId: string,
  cycleId: string,
): Promise<{ status: string; referenceDate: string } | null> {
  const [row] = (await db.query(
    `SELECT status, to_char(reference_date, 'YYYY-MM-DD') AS "referenceDate"
       FROM review360_cycle WHERE organization_id = $1 AND id = $2`,
    [organizationId, cycleId],
  )) as { status: string; referenceDate: string }[];
  return row ?? null;
}

/** Loads the inputs, keeping them only when the cycle was already released before they were read. */
async function frozenOnRelease<T>(
  cache: Map<string, T>,
  organizationId: string,
  cycleId: string,
  status: string | undefined,
  load: () => Promise<T>,
): Promise<T> {
  const key = `${organizationId}:${cycleId}`;
  if (status === 'released') {
    const known = cache.get(key);
    if (known) return known;
  }
  const value = await load();
  if (status === 'released') {
    cache.set(key, value);
    if (cache.size > RELEASED_CACHE_SIZE)
      cache.delete(cache.keys().next().value!);
  }
  return value;
}

/** The people (still on file) with their unit on the cycle's reference date. */
function peopleOnReferenceDate(
  db: Queryable,
  organizationId: string,
  referenceDate: string | null,
  ids: readonly string[],
): Promise<Review360Ratee[]> {
  // UNIT_ON_REFERENCE for many people at once: one pass over their assignments on the date,
  // hashed, instead of an index probe and a sort per person (about 2.4x faster for 10,000 raters).
  return db.query(
    `SELECT e.id, e.employee_number AS "employeeNumber", e.name, ua.org_unit_id AS "unitId"
       FROM employee e
       LEFT JOIN (
         SELECT DISTINCT ON (a.employee_id) a.employee_id, a.org_unit_id
           FROM assignment a
          WHERE a.organization_id = $1 AND a.employee_id = ANY ($3::uuid[])
            AND a.valid_from <= $2::date AND (a.valid_to IS NULL OR a.valid_to > $2::date)
          ORDER BY a.employee_id, a.valid_from DESC) ua ON ua.employee_id = e.id
      WHERE e.organization_id = $1 AND e.id = ANY ($3::uuid[])
      ORDER BY e.employee_number`,
    [organizationId, referenceDate, ids],
  ) as Promise<Review360Ratee[]>;
}

function loadUnits(
  db: Queryable,
  organizationId: string,
): Promise<Review360OrgRollup['units']> {
  return db.query(
    `SELECT id, code, name, parent_id AS "parentId" FROM org_unit WHERE organization_id = $1 ORDER BY sort_order, code`,
    [organizationId],
  ) as Promise<Review360OrgRollup['units']>;
}

/**
 * Subordinate scores of a cycle rolled up over the unit tree, people rated as leaves under their
 * unit on the reference date. Every figure HR sees (per person, per unit, the KPI) comes from this
 * one suppression pass over the whole organization, so a filter can only pick figures, never
 * compute a new, smaller one. Of a released cycle, the answers per person rated are read once per
 * process (they are final); the pass itself runs on every call with the current thresholds.
 */
export async function review360OrgRollup(
  db: Queryable,
  organizationId: string,
  cycleId: string,
  thresholds: Review360Thresholds,
): Promise<Review360OrgRollup> {
  const cycle = await cycleState(db, organizationId, cycleId);
  const scores = await frozenOnRelease(
    releasedScores,
    organizationId,
    cycleId,
    cycle?.status,
    async () => {
      const [ratees, responses] = (await Promise.all([
        db.query(
          `SELECT DISTINCT ratee_id AS id FROM review360_assignment WHERE organization_id = $1 AND cycle_id = $2`,
          [organizationId, cycleId],
        ),
        db.query(
          `SELECT ratee_id AS "rateeId", scores FROM review360_response
            WHERE organization_id = $1 AND cycle_id = $2 AND relationship = 'subordinate'`,
          [organizationId, cycleId],
        ),
      ])) as [{ id: string }[], { rateeId: string; scores: Review360Scores }[]];
      const perRatee = new Map<string, { sum: number; count: number }>();
      for (const response of responses) {
        const mean = review360ResponseMean(response.scores);
        if (mean === null) continue;
        const entry = perRatee.get(response.rateeId) ?? { sum: 0, count: 0 };
        entry.sum += mean;
        entry.count++;
        perRatee.set(response.rateeId, entry);
      }
      return { rateeIds: ratees.map((r) => r.id), perRatee };
    },
  );
  const [ratees, units] = await Promise.all([
    peopleOnReferenceDate(
      db,
      organizationId,
      cycle?.referenceDate ?? null,
      scores.rateeIds,
    ),
    loadUnits(db, organizationId),
  ]);
  const perRatee = scores.perRatee;
  const nodes: Review360RollupNode[] = [
    { id: ORG, parentId: null, sum: 0, count: 0 },
    ...units.map((unit) => ({
      id: `u:${unit.id}`,
      parentId: unit.parentId ? `u:${unit.parentId}` : ORG,
      sum: 0,
      count: 0,
    })),
    ...ratees.map((ratee) => ({
      id: `m:${ratee.id}`,
      parentId: ratee.unitId ? `u:${ratee.unitId}` : ORG,
      sum: perRatee.get(ratee.id)?.sum ?? 0,
      count: perRatee.get(ratee.id)?.count ?? 0,
    })),
  ];
  const cells = suppressReview360Rollups(nodes, thresholds.subordinateScores);
  return {
    ratees,
    units,
    managerCells: new Map(
      ratees.map((r) => [r.id, cells.get(`m:${r.id}`)!.cell]),
    ),
    unitCells: new Map(units.map((u) => [u.id, cells.get(`u:${u.id}`)!.cell])),
    organizationCell: cells.get(ORG)!.cell,
  };
}

export function unitRollupDtos(
  rollup: Review360OrgRollup,
): Review360UnitRollupDto[] {
  const codeOf = new Map(rollup.units.map((u) => [u.id, u.code]));
  return rollup.units.map((unit) => ({
    unitCode: unit.code,
    unitName: unit.name,
    parentCode: unit.parentId ? (codeOf.get(unit.parentId) ?? null) : null,
    subordinate: rollup.unitCells.get(unit.id)!,
  }));
}

/**
 * Assigned and submitted counts by the rater's unit. A unit is shown only when at least k
 * assignments are behind it, with the same complementary suppression as the scores, so HR can
 * never tell whether one particular person has answered.
 */
export async function review360ResponseRates(
  db: Queryable,
  organizationId: string,
  cycleId: string,
  k: number,
): Promise<{
  units: Review360ResponseRateDto[];
  byUnitId: Map<string, { assigned: number; submitted: number } | null>;
  /** null when fewer than k were asked in the whole organization. */
  total: { assigned: number; submitted: number } | null;
}> {
  const cycle = await cycleState(db, organizationId, cycleId);
  const { perRater } = await frozenOnRelease(
    releasedCounts,
    organizationId,
    cycleId,
    cycle?.status,
    async () => ({
      perRater: (await db.query(
        `SELECT x.rater_id AS "raterId", count(*)::int AS assigned, count(p.assignment_id)::int AS submitted
           FROM review360_assignment x
           LEFT JOIN review360_participation p ON p.assignment_id = x.id
          WHERE x.organization_id = $1 AND x.cycle_id = $2 AND x.relationship <> 'self'
          GROUP BY x.rater_id`,
        [organizationId, cycleId],
      )) as ReleasedCounts['perRater'],
    }),
  );
  const [units, raters] = await Promise.all([
    loadUnits(db, organizationId),
    peopleOnReferenceDate(
      db,
      organizationId,
      cycle?.referenceDate ?? null,
      perRater.map((r) => r.raterId),
    ),
  ]);
  // Counted by the rater's unit on the reference date (raters still on file).
  const unitOf = new Map(raters.map((r) => [r.id, r.unitId]));
  const byUnit = new Map<
    string | null,
    { assigned: number; submitted: number }
  >();
  for (const row of perRater) {
    if (!unitOf.has(row.raterId)) continue;
    const unitId = unitOf.get(row.raterId)!;
    const entry = byUnit.get(unitId) ?? { assigned: 0, submitted: 0 };
    entry.assigned += row.assigned;
    entry.submitted += row.submitted;
    byUnit.set(unitId, entry);
  }
  const cells = suppressReview360Rollups(
    [
      {
        id: ORG,
        parentId: null,
        sum: byUnit.get(null)?.submitted ?? 0,
        count: byUnit.get(null)?.assigned ?? 0,
      },
      ...units.map((unit) => ({
        id: unit.id,
        parentId: unit.parentId ?? ORG,
        sum: byUnit.get(unit.id)?.submitted ?? 0,
        count: byUnit.get(unit.id)?.assigned ?? 0,
      })),
    ],
    k,
  );
  const byUnitId = new Map<
    string,
    { assigned: number; submitted: number } | null
  >();
  const dtos = units.map((unit) => {
    const cell = cells.get(unit.id)!;
    const shown = cell.cell.status === 'released';
    byUnitId.set(
      unit.id,
      shown ? { assigned: cell.count, submitted: cell.sum } : null,
    );
    return {
      unitCode: unit.code,
      unitName: unit.name,
      assigned: shown ? cell.count : null,
      submitted: shown ? cell.sum : null,
    };
  });
  const root = cells.get(ORG)!;
  const total =
    root.cell.status === 'released'
      ? { assigned: root.count, submitted: root.sum }
      : null;
  return { units: dtos, byUnitId, total };
}
